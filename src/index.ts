/** The public API: the one barrel file, explicit named exports. */
export type { Diagnostic, FileResult, JsonPath, Severity } from './diagnostics.js';
export { MavericsConfigError, UsageError } from './errors.js';
export { lintText, lintFiles, type LintOptions } from './lint.js';
export { formatters, type Formatter, type FormatOptions } from './formatters/index.js';
export { catalogue, type RuleMeta } from './rules/catalogue.js';
export { SecretValue } from './secrets/secret-value.js';
export { SecretProviderError, type SecretProvider, type SecretProviderFactory, type ProviderOptions } from './secrets/provider.js';
export { registerSecretProvider } from './secrets/registry.js';
