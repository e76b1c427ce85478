import { Cluster, Command, Redis, type Callback } from 'ioredis';
import type { SecretValue } from '../base/secret-value.js';
import { CacheError, CacheEvents, checkKey, checkValue, ttlOf, type Cache, type CacheSetOptions, type CacheStats } from './cache.js';
import { Envelope } from './envelope.js';
import { KeyHasher } from './key-hashing.js';
import { specAddresses, unparsableAddress, type RedisAddress } from '../config/redis-address.js';
import {
  connectClient,
  createClient,
  describe,
  detectTopology,
  type ConnectionParams,
  type Detected,
  type RedisClient,
  type RedisConnectOptions,
  type Topology,
} from './redis-connect.js';
import { safeReason, sanitizedCause, toCacheError } from './redis-errors.js';
import { loadTlsOptions, type TlsSpec } from './redis-tls.js';
import { LOCAL_CACHE_NAME } from './local-cache.js';
import { TickBatch } from './tick-batch.js';

export type { RedisConnectOptions } from './redis-connect.js';
export type { TlsSpec } from './redis-tls.js';

/** One Redis cache as configured, with every secret already resolved. */
export interface RedisCacheSpec {
  name: string;
  addresses: string[];
  /** How to name each address in messages when it came from a secret: its `<reference>`, never its value. */
  addressLabels?: Array<string | undefined>;
  username?: string;
  /** The `<reference>` the username came from: messages name it instead of the user. */
  usernameReference?: string;
  password?: SecretValue;
  tls?: TlsSpec;
  encryption: { disabled: boolean; current?: SecretValue; old: SecretValue[] };
  hashing: { disabled: boolean; current?: SecretValue; old: SecretValue[] };
}

export interface ClosableCache extends Cache {
  close(): Promise<void>;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 1000;
const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
const DEFAULT_MAX_OFFLINE_QUEUE = 1000;

export interface RedisCacheParts {
  name: string;
  client: RedisClient;
  hasher: KeyHasher;
  envelope: Envelope | undefined;
  commandTimeoutMs: number;
  maxOfflineQueue: number;
  description: string;
  topology: Topology;
}

/**
 * A cache backed by one ioredis client (standalone, sentinel or cluster). Values are sealed in an
 * envelope (envelope.ts) and keys hashed (key-hashing.ts) before anything is sent. Deadlines: see
 * `#run`.
 */
export class RedisCache extends CacheEvents implements ClosableCache {
  readonly name: string;
  /** What it is connected to, for logs: topology and address, never credentials. */
  readonly description: string;
  readonly #client: RedisClient;
  /** The sockets `#send` corked in this tick. */
  readonly #batch = new TickBatch();
  /** A cluster's nodes by `host:port`, as ioredis's slot map names them. */
  readonly #nodes = new Map<string, Redis>();
  /** Cluster nodes that have been ready since their last reported error. */
  readonly #nodesUp = new Set<string>();
  readonly #hasher: KeyHasher;
  readonly #envelope: Envelope | undefined;
  readonly #timeoutMs: number;
  readonly #maxOffline: number;
  readonly #stats: CacheStats = { hits: 0, misses: 0, errors: 0, integrityFailures: 0 };
  #inflight = 0;
  readonly #ownDeadline: boolean;
  #closed = false;
  #wasReady = false;

  constructor(parts: RedisCacheParts) {
    super();
    this.name = parts.name;
    this.description = parts.description;
    this.#client = parts.client;
    this.#hasher = parts.hasher;
    this.#envelope = parts.envelope;
    this.#timeoutMs = parts.commandTimeoutMs;
    this.#maxOffline = parts.maxOfflineQueue;
    this.#ownDeadline = parts.topology === 'cluster';
    // Always listened to: an ioredis client without an 'error' listener crashes the process. A lost
    // connection is reported once per outage rather than once per reconnection attempt.
    this.#client.on('error', (err: unknown) => {
      if (!this.#wasReady) return;
      this.#wasReady = false;
      this.emitError(toCacheError(err, this.name, 'connection'));
    });
    this.#client.on('ready', () => (this.#wasReady = true));
    if (parts.client instanceof Cluster) this.#watchNodes(parts.client);
  }

  /**
   * The cluster stays ready while one node is down or stalled, so its own events say nothing: a
   * node's connection errors are reported once per outage of that node, like a lost connection.
   */
  #watchNodes(cluster: Cluster): void {
    cluster.on('+node', (node: Redis) => {
      const key = nodeKey(node);
      this.#nodes.set(key, node);
      node.on('ready', () => this.#nodesUp.add(key));
      handleAsking(node);
    });
    cluster.on('-node', (node: Redis) => {
      const key = nodeKey(node);
      if (this.#nodes.get(key) === node) this.#nodes.delete(key);
      this.#nodesUp.delete(key);
    });
    cluster.on('node error', (err: unknown, key: string) => {
      if (!this.#nodesUp.delete(key)) return;
      this.emitError(toCacheError(err, this.name, `connection to cluster node ${key}`));
    });
  }

  /** Hashed Redis keys are unreadable by design; this is the SCAN pattern that matches this cache's keys. */
  get keyPattern(): string {
    return this.#hasher.pattern;
  }

  // get and set are written as promise chains with handlers bound once, not as async functions:
  // at 50 operations in flight the extra promise layers and per-call closures showed up as GC time.

  get(key: string): Promise<Buffer | undefined> {
    try {
      checkKey(this.name, key);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.#run(this.#getCommand(this.#hasher.primary(key)), 'get').then(
      (raw) => (raw === null && this.#hasher.hasOldKeys ? this.#getOld(key) : this.#opened(key, raw)),
      this.#onGetError,
    );
  }

  set(key: string, value: Buffer, options?: CacheSetOptions): Promise<void> {
    let ttl: number;
    try {
      checkKey(this.name, key);
      checkValue(this.name, value);
      ttl = ttlOf(this.name, options);
    } catch (err) {
      return Promise.reject(err);
    }
    const stored = this.#envelope ? this.#envelope.seal(key, value, ttl === 0 ? 0 : Date.now() + ttl) : value;
    const redisKey = this.#hasher.primary(key);
    return this.#run(this.#setCommand(redisKey, stored, ttl), 'set').then(toVoid, this.#onSetError);
  }

  // Every data command goes through one of these three, so that on a single connection they all
  // leave in the order they were issued (a DEL issued before a SET is sent before it).

  #getCommand(redisKey: string): Promise<Buffer | null> {
    return this.#send(new Command('get', [redisKey])) as Promise<Buffer | null>;
  }

  #setCommand(redisKey: string, value: Buffer, ttl: number): Promise<unknown> {
    return this.#send(new Command('set', ttl === 0 ? [redisKey, value] : [redisKey, value, 'PX', ttl]));
  }

  #delCommand(redisKey: string): Promise<unknown> {
    return this.#send(new Command('del', [redisKey]));
  }

  /**
   * Sends one command; every command a tick sends to one socket leaves in one write (tick-batch.ts).
   * This is the batching ioredis's auto-pipelining does, without what it costs per command (a
   * Pipeline per batch, a second promise and a nextTick callback per command, and a second copy of
   * every value into one Buffer.concat); at 50 operations in flight that was half of the client's
   * CPU time per SET+GET pair. `sendCommand` is the same path ioredis's own methods end in: the
   * per-command timeout, the offline queue while reconnecting, and the reply as a Buffer (no
   * replyEncoding) are unchanged. A cluster still routes the command and follows MOVED and ASK (ASKING
   * goes first, since nodes do not auto-pipeline); the node it is corked on is the one the slot map
   * names, and a node already holding `maxOfflineQueue` commands without replies (stalled, or
   * unreachable until the cluster notices) refuses more at once.
   */
  #send(command: Command): Promise<unknown> {
    const client = this.#client;
    if (client instanceof Redis) {
      if (client.status === 'ready') this.#batch.add(client.stream);
      return client.sendCommand(command) as Promise<unknown>;
    }
    const key = client.slots[command.getSlot() ?? -1]?.[0];
    const node = key === undefined ? undefined : this.#nodes.get(key);
    if (node !== undefined) {
      if (node.commandQueue.length >= this.#maxOffline) {
        return Promise.reject(
          new CacheError('ECACHE_UNAVAILABLE', this.name, `cache "${this.name}": refused: cluster node ${key} already has ${this.#maxOffline} commands waiting for a reply`),
        );
      }
      if (node.status === 'ready' && client.status === 'ready') this.#batch.add(node.stream);
    }
    return client.sendCommand(command) as Promise<unknown>;
  }

  /** On a miss under the current hashing key: the variants written under old hashing keys. */
  #getOld(key: string): Promise<Buffer | undefined> {
    return this.#run(this.#getFirst(this.#hasher.oldVariants(key)), 'get').then((raw) => this.#opened(key, raw), this.#onGetError);
  }

  /** Turns what Redis returned into the caller's value, a miss, or an integrity failure. */
  #opened(key: string, raw: unknown): Buffer | undefined {
    if (raw === null) {
      this.#stats.misses++;
      return undefined;
    }
    // GET answers a bulk string or nil; anything else (an array from a server that only looks like
    // Redis) is a fault, never a value handed to the caller.
    if (!Buffer.isBuffer(raw)) {
      return this.#onGetError(new CacheError('ECACHE_COMMAND', this.name, `cache "${this.name}": get failed: the reply is not a Redis string (is the server Redis?)`));
    }
    if (this.#envelope === undefined) {
      this.#stats.hits++;
      return raw;
    }
    const opened = this.#envelope.open(key, raw, Date.now());
    if (!opened.ok) {
      this.#stats.integrityFailures++;
      this.#stats.misses++;
      this.emitIntegrity({ cache: this.name, reason: opened.reason });
      return undefined;
    }
    this.#stats.hits++;
    return opened.value;
  }

  readonly #onGetError = (err: unknown): undefined => {
    this.#stats.errors++;
    this.#stats.misses++;
    this.emitError(toCacheError(err, this.name, 'get'));
    return undefined;
  };

  readonly #onSetError = (err: unknown): never => {
    this.#stats.errors++;
    throw toCacheError(err, this.name, 'set');
  };

  async delete(key: string): Promise<void> {
    checkKey(this.name, key);
    const keys = this.#hasher.variants(key);
    try {
      // One DEL per key: in a cluster the variants live in different slots, and a multi-key DEL
      // across slots is refused (CROSSSLOT).
      const deleted: Promise<unknown> =
        keys.length === 1 ? this.#delCommand(keys[0] as string) : Promise.all(keys.map((k) => this.#delCommand(k)));
      await this.#run(deleted, 'delete');
    } catch (err) {
      this.#stats.errors++;
      throw toCacheError(err, this.name, 'delete');
    }
  }

  stats(): CacheStats {
    return { ...this.#stats };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const client = this.#client;
    try {
      // QUIT lets queued replies arrive; disconnect() after it (or instead of it, if the server is
      // gone) ends the socket and every reconnection timer.
      if (client.status === 'ready') await this.#run(client.quit(), 'close').catch(() => undefined);
    } finally {
      client.disconnect();
    }
  }

  async #getFirst(keys: string[]): Promise<Buffer | null> {
    const values = await Promise.all(keys.map((k) => this.#getCommand(k)));
    return values.find((v) => v !== null) ?? null;
  }

  /**
   * Settles `promise` within the deadline, and refuses at once when too much is already waiting.
   * While a standalone or sentinel client is ready this adds nothing: ioredis's `commandTimeout` is
   * armed for every command it sends or queues, so it is the deadline, and skipping a second timer
   * and promise per operation is most of the gap to raw ioredis at high concurrency. A cluster keeps
   * our own timer always, because commands waiting for slots have no timeout in ioredis.
   */
  #run<T>(promise: Promise<T>, operation: string): Promise<T> {
    if (!this.#ownDeadline && !this.#closed && this.#client.status === 'ready') return promise;
    if (this.#closed && operation !== 'close') {
      promise.catch(() => undefined);
      return Promise.reject(new CacheError('ECACHE_CLOSED', this.name, `cache "${this.name}": ${operation} after close()`));
    }
    if (this.#inflight >= this.#maxOffline && this.#client.status !== 'ready') {
      promise.catch(() => undefined);
      return Promise.reject(
        new CacheError('ECACHE_UNAVAILABLE', this.name, `cache "${this.name}": ${operation} refused: Redis is unavailable and ${this.#maxOffline} operations are already waiting`),
      );
    }
    this.#inflight++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new CacheError('ECACHE_TIMEOUT', this.name, `cache "${this.name}": ${operation} timed out after ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      promise.then(
        (value) => {
          clearTimeout(timer);
          this.#inflight--;
          resolve(value);
        },
        (err: unknown) => {
          clearTimeout(timer);
          this.#inflight--;
          reject(err);
        },
      );
    });
  }
}

function toVoid(): void {}

/**
 * ioredis's Cluster sends ASKING before a redirected command and drops its promise: when the node's
 * connection closes before the reply (a node restarted or replaced after MOVED), that rejection is
 * unhandled and ends the process. The command sent after it fails alike and reaches its caller.
 */
function handleAsking(node: Redis): void {
  const asking = node.asking.bind(node);
  // No argument when there is no callback: ioredis would send an undefined one as "", and Redis
  // refuses ASKING with an argument.
  node.asking = (callback?: Callback<'OK'>) => {
    const reply = callback ? asking(callback) : asking();
    reply.catch(toVoid);
    return reply;
  };
}

function nodeKey(node: Redis): string {
  return `${node.options.host}:${node.options.port}`;
}

function parseAddresses(spec: RedisCacheSpec): RedisAddress[] {
  if (!Array.isArray(spec.addresses) || spec.addresses.length === 0) {
    throw new CacheError('ECACHE_CONFIG', spec.name, `cache "${spec.name}": at least one Redis address is required`);
  }
  const parsed = specAddresses(spec.addresses, spec.addressLabels);
  return parsed.map((address, i) => {
    if (!address) throw new CacheError('ECACHE_CONFIG', spec.name, `cache "${spec.name}": ${unparsableAddress(spec.addresses[i] as string, i, spec.addressLabels?.[i])}`);
    return address;
  });
}

function envelopeOf(spec: RedisCacheSpec): Envelope | undefined {
  if (spec.encryption.disabled) return undefined;
  if (!spec.encryption.current) {
    throw new CacheError(
      'ECACHE_KEY_FORMAT',
      spec.name,
      `cache "${spec.name}": encryption is enabled but has no current key (set encryption.keys.current, 64 hex characters)`,
    );
  }
  return new Envelope(spec.name, spec.encryption.current, spec.encryption.old);
}

/**
 * Opens one Redis cache from its resolved spec. Everything that can be checked without the network
 * (name, addresses, keys, TLS files) is checked first. If opening fails nothing stays open.
 */
export async function openRedisCache(
  spec: RedisCacheSpec,
  options: RedisConnectOptions = {},
): Promise<{ cache: RedisCache; warnings: string[] }> {
  if (typeof spec.name !== 'string' || spec.name === '' || spec.name === LOCAL_CACHE_NAME) {
    throw new CacheError('ECACHE_CONFIG', String(spec.name), `a Redis cache needs a name other than "" and "${LOCAL_CACHE_NAME}"`);
  }
  // One budget for the whole open (TLS files, detection, connecting, PING), not one per address.
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const deadline = Date.now() + connectTimeoutMs;
  const addresses = parseAddresses(spec);
  const envelope = envelopeOf(spec);
  const hasher = new KeyHasher(spec.name, spec.hashing);
  const commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const params: ConnectionParams = {
    cache: spec.name,
    addresses,
    username: spec.username,
    password: spec.password?.reveal(),
    tls: spec.tls ? await loadTlsOptions(spec.name, spec.tls) : undefined,
    connectTimeoutMs,
    commandTimeoutMs,
  };
  const remaining = (): number => Math.max(1, deadline - Date.now());
  const topology = options.topology ?? 'auto';
  let detected: Detected;
  if (topology === 'auto' || topology === 'sentinel') {
    // Sentinel is detected too: the sentinels' own credentials (often none) are found by asking.
    detected = await detectTopology({ ...params, connectTimeoutMs: remaining() }, options);
    if (topology === 'sentinel' && detected.topology !== 'sentinel') {
      throw new CacheError('ECACHE_CONFIG', spec.name, `cache "${spec.name}": topology is sentinel but ${detected.address.text} is a ${detected.topology} server`);
    }
  } else {
    detected = { topology, address: addresses[0] as RedisAddress };
  }
  const client = createClient(params, detected);
  const cache = new RedisCache({
    name: spec.name,
    client,
    hasher,
    envelope,
    commandTimeoutMs,
    maxOfflineQueue: options.maxOfflineQueue ?? DEFAULT_MAX_OFFLINE_QUEUE,
    description: describe(detected),
    topology: detected.topology,
  });
  try {
    await connectClient(client, params, remaining());
  } catch (err) {
    client.disconnect();
    throw err instanceof CacheError
      ? err
      : new CacheError('ECACHE_UNAVAILABLE', spec.name, `cache "${spec.name}": ${safeReason(err)}`, { cause: sanitizedCause(err) });
  }
  return { cache, warnings: [...hasher.warnings] };
}
