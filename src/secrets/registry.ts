import { SecretProviderError, type SecretProviderFactory } from './provider.js';

/** Scheme (lower case, without `://`) → factory. Built-ins register through the same call as users. */
const factories = new Map<string, SecretProviderFactory>();

/**
 * Registers a provider for one or more URL schemes, e.g. `registerSecretProvider('myvault', create)`.
 * A later registration of the same scheme replaces the earlier one, so a user can override a built-in.
 */
export function registerSecretProvider(schemes: string | readonly string[], factory: SecretProviderFactory): void {
  for (const scheme of typeof schemes === 'string' ? [schemes] : schemes) {
    factories.set(scheme.toLowerCase(), factory);
  }
}

export function secretProviderFactory(scheme: string): SecretProviderFactory {
  const factory = factories.get(scheme.toLowerCase());
  if (!factory) {
    throw new SecretProviderError('bad-url', `no secret provider is registered for the scheme ${scheme}://`);
  }
  return factory;
}

export function registeredSchemes(): string[] {
  return [...factories.keys()].sort();
}
