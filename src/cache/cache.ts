import { EventEmitter } from 'node:events';
import { MavericsConfigError } from '../base/errors.js';

/** Counters every cache keeps; cheap enough to read on every scrape. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Operations that failed because the backend failed (outage, timeout, refused command). */
  errors: number;
  /** Values that were present but refused: unknown key id, failed tag, expired, malformed. */
  integrityFailures: number;
}

export interface CacheSetOptions {
  /** Time to live in milliseconds; absent or 0 means no expiry. */
  ttlMs?: number;
}

/** Why a stored value was refused. Carries no key name and no value: listeners may log it as is. */
export interface IntegrityEvent {
  cache: string;
  reason: 'unknown-key' | 'tag-mismatch' | 'expired' | 'malformed' | 'unsupported-version';
}

export type CacheErrorListener = (error: CacheError) => void;
export type CacheIntegrityListener = (event: IntegrityEvent) => void;

/**
 * The one interface shared by `local_default` and every Redis cache, so a mode never knows which
 * it got. Fault semantics (docs/cache.md): `get` never rejects for a backend fault (it resolves
 * `undefined` and emits `error`); `set` and `delete` reject with a `CacheError`. Nothing hangs:
 * every operation settles within the cache's deadline.
 */
export interface Cache {
  readonly name: string;
  get(key: string): Promise<Buffer | undefined>;
  set(key: string, value: Buffer, options?: CacheSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  stats(): CacheStats;
  on(event: 'error', listener: CacheErrorListener): this;
  on(event: 'integrity', listener: CacheIntegrityListener): this;
}

export type CacheErrorCode =
  | 'ECACHE_UNAVAILABLE'
  | 'ECACHE_TIMEOUT'
  | 'ECACHE_COMMAND'
  | 'ECACHE_CONFIG'
  | 'ECACHE_KEY_FORMAT'
  | 'ECACHE_USAGE'
  | 'ECACHE_CLOSED';

export class CacheError extends MavericsConfigError {
  /** The cache's name (never a key name). */
  readonly cache: string;

  constructor(code: CacheErrorCode, cache: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'CacheError';
    this.cache = cache;
  }
}

/**
 * Shared event plumbing. An `error` event on a Node EventEmitter without a listener throws, which
 * would turn a Redis blip into a crash; caches only emit `error` when someone listens.
 */
export abstract class CacheEvents extends EventEmitter {
  protected emitError(error: CacheError): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }

  protected emitIntegrity(event: IntegrityEvent): void {
    if (this.listenerCount('integrity') > 0) this.emit('integrity', event);
  }
}

/**
 * The longest TTL, 2^48 ms (about 8,900 years): now + TTL must stay an exact integer and fit the
 * envelope's 64-bit expiry and Redis's PX; `ttlMs: 1e300` used to throw from deep in the encoder.
 */
export const MAX_TTL_MS = 2 ** 48;

/** Validates a TTL once, the same way for every cache: integer milliseconds, 0 or absent = none. */
export function ttlOf(cache: string, options: CacheSetOptions | undefined): number {
  const ttl = options?.ttlMs;
  if (ttl === undefined || ttl === 0) return 0;
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl < 0 || ttl > MAX_TTL_MS) {
    throw new CacheError('ECACHE_USAGE', cache, `cache "${cache}": ttlMs must be a number of milliseconds from 0 to ${MAX_TTL_MS} (about 8,900 years)`);
  }
  return Math.max(1, Math.ceil(ttl));
}

/**
 * A key must be a non-empty, well-formed string. A lone surrogate has no UTF-8 form: encoding turns
 * every one into U+FFFD, so `'\uD800'` and `'\uFFFD'` would hash to (and read) the same entry.
 */
export function checkKey(cache: string, key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new CacheError('ECACHE_USAGE', cache, `cache "${cache}": a cache key must be a non-empty string`);
  }
  if (LONE_SURROGATE.test(key)) {
    throw new CacheError('ECACHE_USAGE', cache, `cache "${cache}": a cache key must be well-formed Unicode; it has an unpaired surrogate (String.prototype.toWellFormed() would replace it)`);
  }
}

// With the u flag, a surrogate pair is one astral code point; only an unpaired one is in Cs.
const LONE_SURROGATE = /\p{Cs}/u;

export function checkValue(cache: string, value: unknown): asserts value is Buffer {
  if (!Buffer.isBuffer(value)) {
    throw new CacheError('ECACHE_USAGE', cache, `cache "${cache}": a cache value must be a Buffer`);
  }
}
