/**
 * redis-semaphore's `Semaphore` and `Mutex` with a refresh that cannot reject unhandled.
 *
 * redis-semaphore 5.8 refreshes a held lease from a `setInterval` whose async callback has no
 * `catch`: while Redis is unreachable every refresh of a held slot (every 40 % of its lease)
 * became an unhandled rejection ("Connection is closed."). Here a refresh that fails on the
 * connection counts as "not lost yet": the call goes on, the next refresh tries again, and the
 * lease ends in Redis on its own if Redis stays away longer than it. A refresh that reaches Redis
 * and finds the lease gone still reports it lost (`onLockLost`), as the library does.
 */
import { Mutex, Semaphore } from 'redis-semaphore';

/** A `Semaphore` whose lease refresh never rejects (see the module comment). */
export class LeasedSemaphore extends Semaphore {
  protected override async _refresh(): Promise<boolean> {
    try {
      return await super._refresh();
    } catch {
      return true;
    }
  }
}

/** A `Mutex` whose lease refresh never rejects (see the module comment). */
export class LeasedMutex extends Mutex {
  protected override async _refresh(): Promise<boolean> {
    try {
      return await super._refresh();
    } catch {
      return true;
    }
  }
}
