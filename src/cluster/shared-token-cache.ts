/**
 * The service token shared by the replicas ({@link createSharedTokenCache}): one JWT for the
 * deployment, one `POST /auth` in flight at a time, and after a 401 one refresh for all (the
 * token manager in `src/qualys/auth.ts` drives it; this module only stores and locks).
 *
 * The token is stored encrypted (AES-256-GCM) under the key `token`, with a key derived from the
 * service credentials (scrypt), so reading Redis alone does not give a Qualys token, and a
 * replica with other credentials cannot read it (decryption fails: it fetches its own). The key
 * expires when the token is due for refresh. The refresh lock is a `redis-semaphore` mutex on
 * `auth` whose lease outlives one `POST /auth`.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { CachedToken, QualysServiceCredentials, TokenCache } from '../qualys/auth.js';
import { LeasedMutex } from './leases.js';
import type { ClusterRedis } from './redis-connection.js';

/** Key of the encrypted token. */
const KEY_TOKEN = 'token';
/** Key of the refresh lock (redis-semaphore stores it as `mutex:auth`). */
const KEY_AUTH_LOCK = 'auth';

/** Options of {@link createSharedTokenCache}. */
export interface SharedTokenCacheOptions {
  /** The service credentials: the encryption key is derived from them. */
  readonly credentials: QualysServiceCredentials;
  /** The Qualys base URL: tokens of two platforms never mix. */
  readonly baseUrl: string;
  /** Longest `POST /auth` (the client's timeout), ms: the lock's lease is this plus 5 s. */
  readonly authTimeoutMs: number;
}

/**
 * A {@link TokenCache} in Redis. Shape: the key `token` holds `base64(iv 12 B | tag 16 B | ciphertext)`
 * of the JSON `{token, refreshAtMs}`.
 * @throws nothing here; its methods reject when Redis is unreachable (the token manager then
 *   refreshes in its own process).
 */
export function createSharedTokenCache(redis: ClusterRedis, options: SharedTokenCacheOptions): TokenCache {
  const { username, password } = options.credentials;
  // Derived once (scrypt is slow on purpose); the salt binds the key to the platform and user.
  const key = scryptSync(password, `qpmgw token cache\u0000${options.baseUrl}\u0000${username}`, 32);
  const leaseMs = options.authTimeoutMs + 5_000;

  const seal = (entry: CachedToken): string => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const text = Buffer.concat([cipher.update(JSON.stringify(entry), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64');
  };
  const open = (sealed: string): CachedToken | null => {
    try {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const parsed = JSON.parse(text) as Partial<CachedToken>;
      if (typeof parsed.token !== 'string' || typeof parsed.refreshAtMs !== 'number') return null;
      return { token: parsed.token, refreshAtMs: parsed.refreshAtMs };
    } catch {
      // Other credentials, or not ours: as if there were no token.
      return null;
    }
  };

  return {
    async get() {
      const sealed = await redis.client.get(KEY_TOKEN);
      return sealed === null ? null : open(sealed);
    },
    async set(entry) {
      const ttl = Math.floor(entry.refreshAtMs - Date.now());
      if (ttl <= 0) return;
      await redis.client.set(KEY_TOKEN, seal(entry), 'PX', ttl);
    },
    async withRefreshLock(refresh) {
      const mutex = new LeasedMutex(redis.client, KEY_AUTH_LOCK, {
        lockTimeout: leaseMs,
        acquireTimeout: leaseMs,
        retryInterval: 25,
      });
      await mutex.acquire();
      try {
        return await refresh();
      } finally {
        await mutex.release().catch(() => undefined);
      }
    },
  };
}
