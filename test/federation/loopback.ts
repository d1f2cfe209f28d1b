/**
 * Serves a request listener (a Yoga instance, a Hive Gateway runtime) on a real loopback socket,
 * so a federation gateway can reach it by URL. Port 0: the OS picks a free port.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listener served on `127.0.0.1`. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly origin: string;
  /** Stops listening and drops open (keep-alive) connections; resolves when closed. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on `127.0.0.1:0` for `listener`.
 *
 * @throws the listen error (there is none to expect on port 0 but exhaustion).
 */
export async function serveOnLoopback(listener: RequestListener): Promise<LoopbackServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
