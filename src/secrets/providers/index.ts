/**
 * Registers the built-in schemes through the same `registerSecretProvider` call users have. Every
 * factory imports its module (and so node-vault, the AWS SDK or the Azure SDK) only when a provider
 * is created: importing this file costs nothing beyond the URL parser, so `lint` never loads a client.
 *
 * All seven schemes the Orchestrator takes are built in; a user's registration of a scheme wins
 * over the built-in, whether it comes before or after this module runs.
 */
import type { SecretProviderFactory } from '../provider.js';
import { registeredSchemes, registerSecretProvider } from '../registry.js';

export const BUILT_IN_SCHEMES = [
  'secretfile',
  'hashivault',
  'hashivaults',
  'hashivault+http',
  'hashivault+https',
  'awssecretsmanager',
  'azurekeyvault',
  'delinea',
  'conjur',
  'cyberarkccp',
] as const;

export const secretFileFactory: SecretProviderFactory = async (url) => (await import('./secretfile.js')).createSecretFileProvider(url);
export const hashiVaultFactory: SecretProviderFactory = async (url, options) =>
  (await import('./hashivault.js')).createHashiVaultProvider(url, options);
export const awsSecretsManagerFactory: SecretProviderFactory = async (url, options) =>
  (await import('./awssecretsmanager.js')).createAwsSecretsManagerProvider(url, options);
export const azureKeyVaultFactory: SecretProviderFactory = async (url, options) =>
  (await import('./azurekeyvault.js')).createAzureKeyVaultProvider(url, options);
export const delineaFactory: SecretProviderFactory = async (url, options) => (await import('./delinea.js')).createDelineaProvider(url, options);
export const conjurFactory: SecretProviderFactory = async (url, options) => (await import('./conjur.js')).createConjurProvider(url, options);
export const cyberArkCcpFactory: SecretProviderFactory = async (url, options) =>
  (await import('./cyberarkccp.js')).createCyberArkCcpProvider(url, options);

/**
 * Registers every built-in scheme that nobody has registered yet, so that a user's factory wins
 * whether it was registered before or after this runs. Runs when this module is first imported (the
 * resolver imports it); calling it again is harmless.
 */
export function registerBuiltInSecretProviders(): void {
  const taken = new Set(registeredSchemes());
  const register = (scheme: string, factory: SecretProviderFactory): void => {
    if (!taken.has(scheme)) registerSecretProvider(scheme, factory);
  };
  register('secretfile', secretFileFactory);
  for (const scheme of ['hashivault', 'hashivaults', 'hashivault+http', 'hashivault+https']) register(scheme, hashiVaultFactory);
  register('awssecretsmanager', awsSecretsManagerFactory);
  register('azurekeyvault', azureKeyVaultFactory);
  register('delinea', delineaFactory);
  register('conjur', conjurFactory);
  register('cyberarkccp', cyberArkCcpFactory);
}

registerBuiltInSecretProviders();
