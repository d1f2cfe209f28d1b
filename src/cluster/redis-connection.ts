/**
 * The Redis connection the replicas of a deployment coordinate through (`REDIS_URL`): one
 * command connection and one subscriber connection (pub/sub). Every key and channel is under one
 * prefix (`REDIS_PREFIX`, default `qpmgw:`): the command connection adds it to every key itself
 * (ioredis `keyPrefix`, also inside the libraries' scripts), so callers name keys without it.
 * Commands fail fast while Redis is unreachable (no offline queue, one try), so the users of the
 * connection fall back to this process at once; ioredis reconnects in the background and the
 * connection reports when Redis is back.
 */
import { Redis } from 'ioredis';
import { DEFAULT_REDIS_PREFIX } from './defaults.js';

/** A log sink (pino-compatible). */
export interface ClusterLogger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}

/** The coordination connection. */
export interface ClusterRedis {
  /** The command connection; it prefixes every key with {@link ClusterRedis.prefix}. */
  readonly client: Redis;
  /** The prefix of every key and channel, e.g. `qpmgw:`. */
  readonly prefix: string;
  /** Calls `listener` with each message published on channel `prefix + channel` (from now on). */
  subscribe(channel: string, listener: (message: string) => void): void;
  /** Publishes `message` on channel `prefix + channel`. @throws when Redis is unreachable. */
  publish(channel: string, message: string): Promise<void>;
  /** True while the command connection is ready. */
  isUp(): boolean;
  /** Called with `false` when Redis becomes unreachable and `true` when it is back. */
  onStateChange(listener: (up: boolean) => void): void;
  /** Closes both connections. */
  close(): Promise<void>;
}

/** Options of {@link connectClusterRedis}. */
export interface ClusterRedisOptions {
  /** Key prefix. Default {@link DEFAULT_REDIS_PREFIX}. */
  prefix?: string | undefined;
  /** Where going down and coming back are logged (once each time). Default: nowhere. */
  logger?: ClusterLogger | undefined;
  /** How long the first connection may take, in ms. Default 5,000. */
  connectTimeoutMs?: number | undefined;
}

const noop = (): void => undefined;
const SILENT: ClusterLogger = { info: noop, warn: noop, error: noop };

/**
 * Connects to `url` and waits until both connections are ready.
 * @throws Error when Redis does not answer within `connectTimeoutMs` (the gateway does not start).
 */
export async function connectClusterRedis(
  url: string,
  options: ClusterRedisOptions = {},
): Promise<ClusterRedis> {
  const logger = options.logger ?? SILENT;
  const connectTimeout = options.connectTimeoutMs ?? 5_000;
  const common = {
    connectTimeout,
    maxRetriesPerRequest: 1,
    // Reconnect every 500 ms to 2 s for ever: Redis coming back must be noticed.
    retryStrategy: (times: number) => Math.min(2_000, 500 * times),
    lazyConnect: true,
  };
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  const client = new Redis(url, { ...common, enableOfflineQueue: false, keyPrefix: prefix });
  // The subscriber re-subscribes by itself after a reconnect (ioredis autoResubscribe).
  const subscriber = new Redis(url, { ...common });
  const channelListeners = new Map<string, Array<(message: string) => void>>();
  subscriber.on('message', (channel: string, message: string) => {
    for (const listener of channelListeners.get(channel) ?? []) listener(message);
  });
  const listeners: Array<(up: boolean) => void> = [];
  let up = false;
  const setUp = (next: boolean) => {
    if (next === up) return;
    up = next;
    if (next) logger.info({}, 'Redis reachable: replicas coordinate through it');
    else logger.warn({}, 'Redis unreachable: this replica now uses its own limits until Redis is back');
    for (const listener of listeners) listener(next);
  };
  client.on('ready', () => setUp(true));
  client.on('end', () => setUp(false));
  client.on('close', () => setUp(false));
  // Errors surface through failed commands and the state above; this keeps ioredis from logging them.
  client.on('error', noop);
  subscriber.on('error', noop);
  // ioredis' connectTimeout bounds the TCP connect only: a server that accepts and never answers
  // (a stuck Redis, another service on the port) would keep connect() pending for ever.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not become ready within ${connectTimeout} ms`)),
      connectTimeout,
    );
  });
  try {
    await Promise.race([Promise.all([client.connect(), subscriber.connect()]), timeout]);
  } catch (error) {
    client.disconnect();
    subscriber.disconnect();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  setUp(true);
  return {
    client,
    prefix,
    subscribe(channel, listener) {
      const name = `${prefix}${channel}`;
      const list = channelListeners.get(name);
      if (list !== undefined) {
        list.push(listener);
        return;
      }
      channelListeners.set(name, [listener]);
      // Queued by the subscriber connection while it reconnects.
      void subscriber.subscribe(name).catch(() => undefined);
    },
    async publish(channel, message) {
      await client.publish(`${prefix}${channel}`, message);
    },
    isUp: () => up && client.status === 'ready',
    onStateChange(listener) {
      listeners.push(listener);
    },
    async close() {
      await Promise.allSettled([client.quit(), subscriber.quit()]);
      client.disconnect();
      subscriber.disconnect();
    },
  };
}
