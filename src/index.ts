export type { Diagnostic, FileResult, JsonPath, Severity } from './diagnostics.js';
export { MavericsConfigError } from './errors.js';
export { SecretValue } from './secrets/secret-value.js';
export { SecretProviderError, type SecretProvider, type SecretProviderFactory } from './secrets/provider.js';
export { registerSecretProvider } from './secrets/registry.js';
