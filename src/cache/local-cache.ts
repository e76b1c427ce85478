import { CacheError, CacheEvents, checkKey, checkValue, ttlOf, type Cache, type CacheSetOptions, type CacheStats } from './cache.js';

export const LOCAL_CACHE_NAME = 'local_default';

export interface LocalCacheOptions {
  /** Most entries held at once (default 10 000). */
  maxEntries?: number;
  /** Most bytes of keys plus values held at once (default 64 MiB). */
  maxBytes?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Entry {
  value: Buffer;
  /** Epoch milliseconds, 0 = never. */
  expiresAt: number;
  size: number;
}

/**
 * `local_default`: an in-memory LRU bounded by entry count and bytes. A Map keeps insertion order,
 * so re-inserting on read makes its first key the least recently used. Expiry is lazy (checked on
 * read, and expired entries at the cold end are dropped before anything live is evicted): no timer,
 * so an idle cache never keeps the process alive.
 */
export class LocalCache extends CacheEvents implements Cache {
  readonly name = LOCAL_CACHE_NAME;
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;
  readonly #stats: CacheStats = { hits: 0, misses: 0, errors: 0, integrityFailures: 0 };

  constructor(options: LocalCacheOptions = {}) {
    super();
    this.#maxEntries = positiveInt(options.maxEntries, 10_000, 'maxEntries');
    this.#maxBytes = positiveInt(options.maxBytes, 64 * 1024 * 1024, 'maxBytes');
    this.#now = options.now ?? Date.now;
  }

  async get(key: string): Promise<Buffer | undefined> {
    checkKey(this.name, key);
    const entry = this.#entries.get(key);
    if (entry === undefined) {
      this.#stats.misses++;
      return undefined;
    }
    if (entry.expiresAt !== 0 && entry.expiresAt <= this.#now()) {
      this.#remove(key, entry);
      this.#stats.misses++;
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#stats.hits++;
    // A copy, so a caller that scribbles on its result cannot change what the next caller reads.
    return Buffer.from(entry.value);
  }

  async set(key: string, value: Buffer, options?: CacheSetOptions): Promise<void> {
    checkKey(this.name, key);
    checkValue(this.name, value);
    const ttl = ttlOf(this.name, options);
    const old = this.#entries.get(key);
    if (old !== undefined) this.#remove(key, old);
    const size = value.length + key.length * 2;
    if (size > this.#maxBytes) return; // could never fit; storing it would evict everything for nothing
    const entry: Entry = { value: Buffer.from(value), expiresAt: ttl === 0 ? 0 : this.#now() + ttl, size };
    this.#entries.set(key, entry);
    this.#bytes += size;
    this.#evict();
  }

  async delete(key: string): Promise<void> {
    checkKey(this.name, key);
    const entry = this.#entries.get(key);
    if (entry !== undefined) this.#remove(key, entry);
  }

  stats(): CacheStats {
    return { ...this.#stats };
  }

  /** Entries currently held (expired ones not yet noticed included). */
  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  async close(): Promise<void> {
    this.clear();
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.size;
  }

  #evict(): void {
    // Only the cold end is visited: a full sweep for expired entries would make every insert into a
    // full cache O(n). Expired entries elsewhere go on their next read or when they grow cold.
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#remove(key, entry);
    }
  }
}

function positiveInt(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new CacheError('ECACHE_CONFIG', LOCAL_CACHE_NAME, `local cache ${what} must be a positive integer`);
  }
  return value;
}
