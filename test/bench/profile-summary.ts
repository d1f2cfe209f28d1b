/**
 * Summarises V8 CPU profiles (`--cpu-prof`, e.g. from `BENCH_CPU_PROF=/tmp/prof npm run bench`):
 * self time by function (name, file, line) and by module (a package under node_modules, a file
 * of this repository, or a Node internal), highest first.
 *
 * Usage: `tsx test/bench/profile-summary.ts <file.cpuprofile | directory> [top=30] [lastSeconds]
 * [skipEndSeconds=0]`. A directory takes its largest `.cpuprofile` (the main thread of the busiest
 * process). `lastSeconds` keeps only the samples of the profile's last seconds (e.g. the
 * throughput run just before the gateway stopped), leaving out start-up (module loading, schema
 * building); `skipEndSeconds` drops the very end (when autocannon stops, the requests in flight
 * are aborted and fail: error objects and stack traces that steady state never makes).
 *
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function pickFile(path: string): string {
  if (!statSync(path).isDirectory()) return path;
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(path, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  const first = files[0];
  if (first === undefined) throw new Error(`no .cpuprofile in ${path}`);
  return first;
}

/** The module a script URL belongs to: `pkg` for node_modules, the repo-relative path, or the URL. */
function moduleOf(url: string): string {
  if (url === '') return '(native/VM)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  const repo = url.indexOf('/work/main/');
  return repo === -1 ? url : url.slice(repo + '/work/main/'.length);
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('/node_modules/');
  if (nm !== -1) return url.slice(nm + '/node_modules/'.length);
  const repo = url.indexOf('/work/main/');
  return repo === -1 ? url : url.slice(repo + '/work/main/'.length);
}

function main(): void {
  const [path, topArg, lastArg, skipArg] = process.argv.slice(2);
  if (path === undefined) throw new Error('usage: profile-summary.ts <file.cpuprofile | dir> [top]');
  const top = Number(topArg ?? 30);
  const file = pickFile(path);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const toUs = profile.endTime - Number(skipArg ?? 0) * 1e6;
  const fromUs = lastArg === undefined ? 0 : toUs - Number(lastArg) * 1e6;
  const selfUs = new Map<number, number>();
  let t = profile.startTime;
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t < fromUs || t > toUs) return;
    totalUs += delta;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  // Inclusive: the time during which a module had at least one frame on the stack (each sample
  // counted once per module), i.e. what the module's work costs with everything it calls.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    if (byId.get(id)?.callFrame.functionName === '(idle)') continue;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)?.callFrame.url ?? '';
      if (url !== '') seen.add(moduleOf(url));
    }
    for (const mod of seen) inclusive.set(mod, (inclusive.get(mod) ?? 0) + us);
  }

  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const fn = `${functionName || '(anonymous)'}  ${url === '' ? '' : `${shortUrl(url)}:${lineNumber + 1}`}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const mod = url === '' ? functionName || '(anonymous)' : moduleOf(url);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const pct = (us: number) => `${((100 * us) / busyUs).toFixed(1).padStart(5)} %`;
  const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  const print = (title: string, map: Map<string, number>) => {
    process.stdout.write(`\n${title}\n`);
    for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      process.stdout.write(`${ms(us)} ${pct(us)}  ${key}\n`);
    }
  };
  process.stdout.write(
    `${file}\n${lastArg === undefined ? 'whole profile' : `${lastArg} s before the last ${skipArg ?? 0} s`}: ${(totalUs / 1e6).toFixed(1)} s sampled, busy (not idle) ${(busyUs / 1e6).toFixed(1)} s; percentages of busy time\n`,
  );
  print('Self time by module:', byModule);
  print('Self time by function:', byFunction);
  print('Inclusive time by module (a frame of it on the stack):', inclusive);
}

main();
