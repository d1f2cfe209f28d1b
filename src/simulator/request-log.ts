/**
 * The request log behind `GET /__simulator/requests`: one entry per request outside
 * `/__simulator/*`, appended on arrival and completed when the answer is written.
 *
 * @module
 */
import type { SimulatorRequestLogEntry } from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A log entry being filled in while its request runs. */
export type PendingLogEntry = Mutable<SimulatorRequestLogEntry>;

/** An append-only log, reset on demand. */
export class RequestLog {
  #entries: PendingLogEntry[] = [];

  /**
   * Appends an entry for an arriving request.
   *
   * @returns the entry, to be completed by the caller (status, durationMs, body, tenant).
   */
  begin(init: Pick<SimulatorRequestLogEntry, 'method' | 'path' | 'query' | 'startedAt'>): PendingLogEntry {
    const entry: PendingLogEntry = {
      method: init.method,
      path: init.path,
      query: init.query,
      body: null,
      status: null,
      tenant: null,
      startedAt: init.startedAt,
      durationMs: null,
    };
    this.#entries.push(entry);
    return entry;
  }

  /** Copies of the entries, in arrival order. */
  list(): SimulatorRequestLogEntry[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  /** Forgets every entry (entries of requests still running are not re-added). */
  reset(): void {
    this.#entries = [];
  }
}
