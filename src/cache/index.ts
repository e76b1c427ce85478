export { CacheError, type Cache, type CacheErrorCode, type CacheSetOptions, type CacheStats, type IntegrityEvent } from './cache.js';
export { LocalCache, LOCAL_CACHE_NAME, type LocalCacheOptions } from './local-cache.js';
export { Envelope, ENVELOPE_OVERHEAD, ENVELOPE_VERSION, keyIdOf } from './envelope.js';
export { KeyHasher, type HashingSpec } from './key-hashing.js';
export { openRedisCache, RedisCache, type ClosableCache, type RedisCacheSpec, type RedisConnectOptions, type TlsSpec } from './redis-cache.js';
export { CacheRegistry, createCacheRegistry, type CacheRegistryOptions, type CacheWarning } from './registry.js';
export { probeRedis, type ProbeOptions, type ProbeProblem, type ProbeRuleId } from './probe.js';
