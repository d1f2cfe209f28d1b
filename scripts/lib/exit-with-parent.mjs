/**
 * Preload for child processes started by `processes.ts` (`node [--import tsx] --import
 * ./scripts/lib/exit-with-parent.mjs …`; plain JavaScript, so compiled entries need no tsx): when the parent process dies without stopping its
 * children (SIGKILL, a crash), the child is re-parented and sends itself SIGTERM, so a failed soak
 * or benchmark never leaves a gateway or simulator behind. Linux has `PR_SET_PDEATHSIG` for this,
 * but Node does not expose it; polling `process.ppid` once a second is the portable stand-in.
 *
 * @module
 */
const originalParentPid = process.ppid;

const timer = setInterval(() => {
  if (process.ppid !== originalParentPid) {
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  }
}, 1_000);
// Never the reason the process stays alive.
timer.unref();
