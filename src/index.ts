/** The public API: the one barrel file, explicit named exports. */
export type { Diagnostic, FileResult, Fix, JsonPath, Severity } from './diagnostics.js';
export { MavericsConfigError, UsageError } from './errors.js';
export { lintText, lintFiles, type LintOptions } from './lint.js';
export { formatters, type Formatter, type FormatOptions } from './formatters/index.js';
export { catalogue, type RuleMeta } from './rules/catalogue.js';
export { SecretValue } from './secrets/secret-value.js';
export { SecretProviderError, type SecretProvider, type SecretProviderFactory, type ProviderOptions } from './secrets/provider.js';
export { registerSecretProvider } from './secrets/registry.js';
export { checkText, type CheckOptions } from './check.js';
export { loadConfig, ConfigError, type LoadConfigOptions, type LoadedConfig } from './load-config.js';
export { CacheError, CacheRegistry, type Cache, type CacheStats, type RedisConnectOptions } from './cache/index.js';
export { resolveSecrets, type ResolverOptions, type ResolveResult, type SecretUse } from './secrets/resolver.js';
export { parseProviderUrl } from './secrets/providers/index.js';
export { describeProviderUrl } from './secrets/url-grammar.js';
export { parseSecretProviderFlag, secretProviderFlags } from './secrets/providers-config.js';
