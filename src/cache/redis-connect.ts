import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import { CacheError } from './cache.js';
import type { RedisAddress } from '../config/redis-address.js';
import { classifyRedisError, safeReason, sanitizedCause } from './redis-errors.js';
import { forHost } from './redis-tls.js';

export type Topology = 'standalone' | 'cluster' | 'sentinel';
export type RedisClient = Redis | Cluster;

export interface RedisConnectOptions {
  /** How the servers are organised; `auto` (default) asks the first server that answers. */
  topology?: 'auto' | Topology;
  /** The master a sentinel deployment serves; asked of the sentinel when it monitors exactly one. */
  sentinelMasterName?: string;
  /** Deadline of every cache operation, in ms (default 1000). */
  commandTimeoutMs?: number;
  /** How long opening may take, in ms (default 5000). */
  connectTimeoutMs?: number;
  /**
   * Operations allowed to wait for a reconnection at once; beyond it they fail at once (default 1000).
   * In a cluster, also the commands one node may hold without a reply (a stalled node).
   */
  maxOfflineQueue?: number;
}

export interface ConnectionParams {
  cache: string;
  addresses: RedisAddress[];
  username?: string;
  password?: string;
  tls?: ConnectionOptions;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
}

export interface Detected {
  topology: Topology;
  /** The address that answered the detection. */
  address: RedisAddress;
  masterName?: string;
  /** Whether the sentinels took the cache's credentials (sentinels often have none). */
  sentinelAuth?: boolean;
}

const DISCONNECT_TIMEOUT_MS = 100;

/** Reconnect quickly at first, then every 2 s at most, with jitter so a fleet does not stampede. */
export function retryDelay(times: number): number {
  return Math.min(50 * 2 ** Math.min(times, 6), 2000) + Math.floor(Math.random() * 100);
}

/** Options shared by every long-lived connection, whatever the topology. */
function commonOptions(p: ConnectionParams): RedisOptions {
  return {
    username: p.username,
    password: p.password,
    connectTimeout: p.connectTimeoutMs,
    // Queued commands are flushed with an error after one failed reconnection: with the per-command
    // deadline this keeps the queue short during an outage.
    maxRetriesPerRequest: 1,
    commandTimeout: p.commandTimeoutMs,
    // Off, and off on the Cluster too: the cache batches per socket and tick itself (tick-batch.ts).
    // A cluster node that auto-pipelines sends ASKING after the command it must precede, and a
    // Cluster that does passes MOVED/ASK of a mixed batch to the caller (ioredis issue 2075).
    enableAutoPipelining: false,
    // Shown by CLIENT LIST; Redis refuses names with spaces or newlines, and a cache name may have them.
    connectionName: `maverics-config:${p.cache.replace(/[^\w.:-]/g, '_')}`,
    // CLIENT SETINFO is one more round trip per connection, and fails on older servers.
    disableClientInfo: true,
    // disconnect() arms a timer of this length even when the socket is already gone (a refused
    // connection), and it is not unref'd: the ioredis default of 2 s would hold a closing process.
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
  };
}

/** A throwaway connection for one question (detection, probing): no retries, no queue. */
export function oneShotClient(p: ConnectionParams, address: RedisAddress, withAuth = true): Redis {
  const client = new Redis({
    host: address.host,
    port: address.port,
    username: withAuth ? p.username : undefined,
    password: withAuth ? p.password : undefined,
    tls: p.tls ? forHost(p.tls, address.host) : undefined,
    lazyConnect: true,
    connectTimeout: p.connectTimeoutMs,
    commandTimeout: p.connectTimeoutMs,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    enableReadyCheck: false,
    disableClientInfo: true,
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
  });
  client.on('error', () => {
    // Surfaced through the rejected connect() or command; an unheard 'error' would crash the process.
  });
  return client;
}

/**
 * Connects, runs `ask`, and always disconnects; rejects with the first error seen. Connecting and
 * the reply share one deadline of `p.connectTimeoutMs`; `signal` ends it early (another address won).
 */
export async function askOnce<T>(p: ConnectionParams, address: RedisAddress, ask: (c: Redis) => Promise<T>, withAuth = true, signal?: AbortSignal): Promise<T> {
  const client = oneShotClient(p, address, withAuth);
  let firstError: unknown;
  client.on('error', (err: unknown) => (firstError ??= err));
  const deadline = Date.now() + p.connectTimeoutMs;
  const abort = () => client.disconnect();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await withTimeout(client.connect(), p.connectTimeoutMs, 'connecting');
    return await withTimeout(ask(client), Math.max(1, deadline - Date.now()), 'waiting for a reply');
  } catch (err) {
    // ioredis reports a refused handshake as "Connection is closed"; the socket error says why.
    throw firstError !== undefined && classifyRedisError(err) !== 'auth' ? firstError : err;
  } finally {
    signal?.removeEventListener('abort', abort);
    client.disconnect();
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`timed out after ${ms} ms ${what}`), { code: 'ETIMEDOUT' })), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * A TCP echo server, or any other service on the port, "answers" INFO with something; only a Redis
 * server (or Valkey, KeyDB: same protocol) answers with a string that starts its server section
 * with `redis_version:`.
 */
export function checkInfoReply(reply: unknown): string {
  if (typeof reply === 'string' && /^redis_version:/m.test(reply)) return reply;
  throw Object.assign(new Error('the server answered, but not as Redis does: its reply to INFO has no redis_version'), { code: 'ENOTREDIS' });
}

export function redisModeOf(info: unknown): Topology {
  const mode = /^redis_mode:(\w+)/m.exec(checkInfoReply(info))?.[1];
  return mode === 'cluster' || mode === 'sentinel' ? mode : 'standalone';
}

/** Names of the masters a sentinel monitors, from SENTINEL MASTERS (flat field/value arrays). */
export function sentinelMasterNames(reply: unknown): string[] {
  if (!Array.isArray(reply)) return [];
  const names: string[] = [];
  for (const entry of reply) {
    if (Array.isArray(entry)) {
      const i = entry.indexOf('name');
      if (i >= 0 && typeof entry[i + 1] === 'string') names.push(entry[i + 1] as string);
    } else if (entry && typeof entry === 'object' && typeof (entry as Record<string, unknown>).name === 'string') {
      names.push((entry as Record<string, string>).name as string);
    }
  }
  return names;
}

async function askSentinelMaster(p: ConnectionParams, address: RedisAddress, withAuth: boolean): Promise<string> {
  const reply = await askOnce(p, address, (c) => c.call('SENTINEL', 'MASTERS'), withAuth);
  const names = sentinelMasterNames(reply);
  if (names.length === 1) return names[0] as string;
  throw new CacheError(
    'ECACHE_CONFIG',
    p.cache,
    names.length === 0
      ? `cache "${p.cache}": the sentinel at ${address.text} monitors no master`
      : `cache "${p.cache}": the sentinel at ${address.text} monitors several masters (${names.join(', ')}); pass sentinelMasterName`,
  );
}

/**
 * Finds the topology by asking every address at once; the first that answers as Redis decides, and
 * the others are dropped. The whole search fits in `p.connectTimeoutMs`: six silent addresses cost
 * one timeout, not six. Sentinels usually have no ACL of their own, so a sentinel that refuses the
 * cache's credentials is asked again without them, within the same deadline.
 */
export async function detectTopology(p: ConnectionParams, options: RedisConnectOptions): Promise<Detected> {
  const deadline = Date.now() + p.connectTimeoutMs;
  const within = (): ConnectionParams => ({ ...p, connectTimeoutMs: Math.max(1, deadline - Date.now()) });
  const done = new AbortController();
  const ask = async (address: RedisAddress): Promise<Detected> => {
    let authError: unknown;
    for (const withAuth of p.password !== undefined || p.username !== undefined ? [true, false] : [true]) {
      try {
        const topology = redisModeOf(await askOnce(within(), address, (c) => c.info('server'), withAuth, done.signal));
        if (topology !== 'sentinel') {
          if (!withAuth) break; // a data node without credentials: report the first (auth) failure
          return { topology, address };
        }
        const masterName = options.sentinelMasterName ?? (await askSentinelMaster(within(), address, withAuth));
        return { topology, address, masterName, sentinelAuth: withAuth };
      } catch (err) {
        if (err instanceof CacheError) throw err;
        if (withAuth) authError = err;
        if (!withAuth || classifyRedisError(err) !== 'auth') break;
      }
    }
    throw authError;
  };
  const attempts = p.addresses.map(ask);
  try {
    return await Promise.any(attempts);
  } catch {
    const reasons = await Promise.allSettled(attempts);
    const errors = reasons.map((r) => (r.status === 'rejected' ? (r.reason as unknown) : undefined));
    const decisive = errors.find((e) => e instanceof CacheError);
    if (decisive) throw decisive;
    const failures = p.addresses.map((address, i) => `${address.text}: ${safeReason(errors[i])}`);
    throw new CacheError('ECACHE_UNAVAILABLE', p.cache, `cache "${p.cache}": no Redis server answered (${failures.join('; ')})`, {
      cause: sanitizedCause(errors[0]),
    });
  } finally {
    done.abort();
  }
}

export function createClient(p: ConnectionParams, detected: Detected): RedisClient {
  const common = commonOptions(p);
  switch (detected.topology) {
    case 'standalone':
      return new Redis({
        ...common,
        host: detected.address.host,
        port: detected.address.port,
        tls: p.tls ? forHost(p.tls, detected.address.host) : undefined,
        lazyConnect: true,
        retryStrategy: retryDelay,
      });
    case 'sentinel':
      return new Redis({
        ...common,
        sentinels: p.addresses.map((a) => ({ host: a.host, port: a.port })),
        name: detected.masterName,
        sentinelUsername: detected.sentinelAuth ? p.username : undefined,
        sentinelPassword: detected.sentinelAuth ? p.password : undefined,
        tls: p.tls ? { ...p.tls } : undefined,
        enableTLSForSentinelMode: p.tls !== undefined,
        sentinelTLS: p.tls ? { ...p.tls } : undefined,
        sentinelCommandTimeout: p.commandTimeoutMs,
        sentinelRetryStrategy: retryDelay,
        // Subscribes to +switch-master on the sentinels and reconnects as soon as a failover is
        // announced. Without it the client keeps writing to the deposed master until Sentinel demotes
        // it (about 10 s), and Redis then discards those acknowledged writes.
        failoverDetector: true,
        lazyConnect: true,
        retryStrategy: retryDelay,
      });
    case 'cluster': {
      const options: ClusterOptions = {
        redisOptions: { ...common, tls: p.tls ? { ...p.tls } : undefined },
        lazyConnect: true,
        enableAutoPipelining: false,
        clusterRetryStrategy: retryDelay,
        // Nodes reconnect on their own as well, so a restarted node without slot changes comes back.
        clusterNodeRetryStrategy: retryDelay,
        slotsRefreshTimeout: Math.max(1000, p.commandTimeoutMs),
        // With TLS, certificates name hosts: keep the configured names instead of resolved IPs.
        dnsLookup: p.tls ? (address, callback) => callback(null, address) : undefined,
      };
      return new Cluster(
        p.addresses.map((a) => ({ host: a.host, port: a.port })),
        options,
      );
    }
  }
}

/** The address a standalone client talks to, for messages. */
export function describe(detected: Detected): string {
  return detected.topology === 'sentinel'
    ? `sentinel master "${detected.masterName}" via ${detected.address.text}`
    : `${detected.topology} at ${detected.address.text}`;
}

/**
 * Connects a long-lived client and waits until it is ready and has answered PING, within
 * `timeoutMs` (what is left of the open's budget). Before the first ready, a connection
 * error is fatal (wrong password, untrusted certificate, nothing listening): start-up should fail
 * loudly, not retry in the background. On failure the client is disconnected.
 */
export async function connectClient(client: RedisClient, p: ConnectionParams, timeoutMs = p.connectTimeoutMs): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let onError: ((err: unknown) => void) | undefined;
  const failed = new Promise<never>((_, reject) => {
    onError = (err: unknown) => reject(err);
    client.on('error', onError);
  });
  try {
    await withTimeout(Promise.race([client.connect(), failed]), timeoutMs, 'connecting');
    // What the detection asked one node, asked of the client itself (an explicit topology skips
    // detection): a service that is not Redis answers PING with something other than PONG.
    const pong = await withTimeout(Promise.race([client.ping(), failed]), Math.max(1, deadline - Date.now()), 'waiting for PING');
    if (pong !== 'PONG') throw Object.assign(new Error('the server answered, but not as Redis does: its reply to PING is not PONG'), { code: 'ENOTREDIS' });
  } catch (err) {
    client.disconnect();
    throw new CacheError('ECACHE_UNAVAILABLE', p.cache, `cache "${p.cache}": could not connect: ${safeReason(err)}`, {
      cause: sanitizedCause(err),
    });
  } finally {
    if (onError) client.off('error', onError);
    failed.catch(() => undefined);
  }
}
