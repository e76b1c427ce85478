import { MavericsConfigError } from '../base/errors.js';
import type { Cache } from './cache.js';
import { LocalCache, LOCAL_CACHE_NAME, type LocalCacheOptions } from './local-cache.js';
import type { RedisCache, RedisCacheSpec, RedisConnectOptions } from './redis-cache.js';
import { safeReason } from './redis-errors.js';

/** A warning about one cache, as data: which cache, and the rule id it is reported under. */
export interface CacheWarning {
  cache: string;
  ruleId: 'hashing-key-weak';
  message: string;
}

export interface CacheRegistryOptions {
  redis?: RedisConnectOptions;
  local?: Pick<LocalCacheOptions, 'maxEntries' | 'maxBytes'>;
}

/** The caches a configuration declares, by name, plus `local_default`, which is always there. */
export class CacheRegistry {
  readonly #caches: Map<string, Cache & { close(): Promise<void> }>;
  #closed: Promise<void> | undefined;

  /** @internal Built by createCacheRegistry; `redis` must already be open. */
  constructor(local: LocalCache, redis: readonly RedisCache[]) {
    this.#caches = new Map<string, Cache & { close(): Promise<void> }>([[LOCAL_CACHE_NAME, local]]);
    for (const cache of redis) this.#caches.set(cache.name, cache);
  }

  get(name: string): Cache {
    const cache = this.#caches.get(name);
    if (cache === undefined) {
      throw new MavericsConfigError('ECACHE_UNKNOWN', `no cache named "${name}"; declared caches: ${this.names().join(', ')}`);
    }
    return cache;
  }

  has(name: string): boolean {
    return this.#caches.has(name);
  }

  names(): string[] {
    return [...this.#caches.keys()];
  }

  /** Ends every connection and timer. Safe to call more than once; later calls wait for the first. */
  close(): Promise<void> {
    this.#closed ??= Promise.allSettled([...this.#caches.values()].map((c) => c.close())).then(() => undefined);
    return this.#closed;
  }
}

/**
 * Opens every Redis cache at once, all or nothing: if any fails, the ones already open are closed
 * and the promise rejects with one error that lists every failure (each by cache name, without
 * secrets). Warnings (e.g. unkeyed hashing) are returned for the caller to report.
 */
export async function createCacheRegistry(
  specs: readonly RedisCacheSpec[],
  options: CacheRegistryOptions = {},
): Promise<{ registry: CacheRegistry; warnings: CacheWarning[] }> {
  const failures: string[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec.name === LOCAL_CACHE_NAME) failures.push(`cache "${LOCAL_CACHE_NAME}": the name is reserved for the built-in local cache`);
    else if (seen.has(spec.name)) failures.push(`cache "${spec.name}": declared more than once`);
    seen.add(spec.name);
  }
  if (failures.length > 0) throw registryError(failures, []);

  const local = new LocalCache(options.local);
  const settled = specs.length ? await openAll(specs, options.redis) : [];
  const opened: RedisCache[] = [];
  const warnings: CacheWarning[] = [];
  const causes: unknown[] = [];
  for (const [i, result] of settled.entries()) {
    if (result.status === 'fulfilled') {
      opened.push(result.value.cache);
      const cache = (specs[i] as RedisCacheSpec).name;
      warnings.push(...result.value.warnings.map((message) => ({ cache, ruleId: 'hashing-key-weak' as const, message })));
    } else {
      causes.push(result.reason);
      failures.push(result.reason instanceof MavericsConfigError ? result.reason.message : safeReason(result.reason));
    }
  }
  if (failures.length > 0) {
    await Promise.allSettled(opened.map((c) => c.close()));
    throw registryError(failures, causes);
  }
  return { registry: new CacheRegistry(local, opened), warnings };
}

/** Loaded here, not at the top: the package entry, and a registry of `local_default` alone, never load ioredis. */
async function openAll(specs: readonly RedisCacheSpec[], options: RedisConnectOptions | undefined) {
  const { openRedisCache } = await import('./redis-cache.js');
  return Promise.allSettled(specs.map((spec) => openRedisCache(spec, options)));
}

function registryError(failures: string[], causes: unknown[]): MavericsConfigError {
  const message =
    failures.length === 1
      ? `could not open the caches: ${failures[0]}`
      : `could not open the caches (${failures.length} failures):\n${failures.map((f) => `  - ${f}`).join('\n')}`;
  return new MavericsConfigError('ECACHE_REGISTRY', message, { cause: causes.length ? new AggregateError(causes, 'cache failures') : undefined });
}
