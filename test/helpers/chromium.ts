/**
 * Which Chromium the browser tests launch, without anything installed beyond `npm ci`.
 *
 * Order: `CHROMIUM_PATH` when set (a binary of the caller's choice); else the headless Chromium
 * that ships inside the `@sparticuz/chromium` devDependency (a brotli-compressed binary in the npm
 * package, inflated to `<tmpdir>/chromium` on first use; no download); else Debian's
 * `/usr/bin/chromium` when present (an architecture the npm package has no binary for, or an
 * inflate that failed). Nothing is fetched from the network at any step.
 */
import { existsSync } from 'node:fs';

/** A Chromium binary and where it came from (printed by the tests, so a run says which ran). */
export interface ChromiumBinary {
  /** Absolute path of the executable. */
  readonly executablePath: string;
  /** `CHROMIUM_PATH`, `@sparticuz/chromium` or `/usr/bin/chromium`. */
  readonly source: string;
}

/** Debian's `chromium` package, the fallback. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for headless Chromium on a closed network as root: no sandbox (root), no GPU, and no
 * background networking, component updates or sync (each would try to reach Google's hosts).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Resolves the Chromium to launch (see the module comment for the order).
 * Throws an `Error` naming every place it looked when none is usable.
 */
export async function resolveChromium(): Promise<ChromiumBinary> {
  const explicit = process.env['CHROMIUM_PATH'];
  if (explicit !== undefined && explicit !== '') {
    if (!existsSync(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} does not exist`);
    return { executablePath: explicit, source: 'CHROMIUM_PATH' };
  }
  let npmFailure: string;
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    const executablePath = await chromium.executablePath();
    if (existsSync(executablePath)) return { executablePath, source: '@sparticuz/chromium' };
    npmFailure = `${executablePath} missing after inflate`;
  } catch (error) {
    npmFailure = error instanceof Error ? error.message : String(error);
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: SYSTEM_CHROMIUM };
  throw new Error(
    `no Chromium: @sparticuz/chromium failed (${npmFailure}) and ${SYSTEM_CHROMIUM} is absent; ` +
      'run `npm ci`, or set CHROMIUM_PATH',
  );
}
