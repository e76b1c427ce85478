/** The public API: the one barrel file, explicit named exports. */
export type { Diagnostic, FileResult, Fix, JsonPath, Severity } from './base/diagnostics.js';
export { MavericsConfigError, UsageError } from './base/errors.js';
export { lintText, lintFiles, type LintOptions } from './pipeline/lint.js';
export { formatters, type Formatter, type FormatOptions } from './formatters/index.js';
export { catalogue, type RuleMeta } from './rules/catalogue.js';
export { SecretValue } from './base/secret-value.js';
export { SecretProviderError, type SecretProvider, type SecretProviderFactory, type ProviderOptions } from './secrets/provider.js';
export { registerSecretProvider } from './secrets/registry.js';
export { checkText, type CheckOptions } from './pipeline/check.js';
export { loadConfig, ConfigError, type LoadConfigOptions, type LoadedConfig } from './pipeline/load-config.js';
// Straight from their modules, not the cache barrel, which would load ioredis with the package.
export { CacheError, type Cache, type CacheStats } from './cache/cache.js';
export { CacheRegistry, type CacheWarning } from './cache/registry.js';
export type { RedisConnectOptions } from './cache/redis-cache.js';
export { resolveSecrets, type ResolverOptions, type ResolveResult, type SecretUse } from './secrets/resolver.js';
export { parseProviderUrl } from './secrets/providers/index.js';
export { describeProviderUrl } from './secrets/url-grammar.js';
export { parseSecretProviderFlag, secretProviderFlags } from './secrets/providers-config.js';
