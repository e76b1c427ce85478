/**
 * Registers the built-in schemes through the same `registerSecretProvider` call users have. Every
 * factory imports its module (and so node-vault, the AWS SDK or the Azure SDK) only when a provider
 * is created: importing this file costs nothing beyond the URL parser, so `lint` never loads a client.
 *
 * Schemes parsed but not (yet) built in get `pluginRequiredFactory`, a stub that asks for a provider
 * plugin; a user's registration of any scheme wins over the built-in or the stub.
 */
import { SecretProviderError, type SecretProviderFactory } from '../provider.js';
import { describeProviderUrl, parseProviderUrl } from '../provider-url.js';
import { registeredSchemes, registerSecretProvider } from '../registry.js';

export const BUILT_IN_SCHEMES = [
  'secretfile',
  'hashivault',
  'hashivaults',
  'hashivault+http',
  'hashivault+https',
  'awssecretsmanager',
  'conjur',
  'delinea',
  'cyberarkccp',
  'azurekeyvault',
] as const;
export const PLUGIN_SCHEMES = ['azurekeyvault', 'delinea', 'conjur', 'cyberarkccp'] as const;

const PLUGIN_NAMES: Record<(typeof PLUGIN_SCHEMES)[number], string> = {
  azurekeyvault: 'Azure Key Vault',
  delinea: 'Delinea Secret Server',
  conjur: 'CyberArk Conjur',
  cyberarkccp: 'CyberArk Central Credential Provider',
};

export const secretFileFactory: SecretProviderFactory = async (url) => (await import('./secretfile.js')).createSecretFileProvider(url);
export const hashiVaultFactory: SecretProviderFactory = async (url, options) =>
  (await import('./hashivault.js')).createHashiVaultProvider(url, options);
export const awsSecretsManagerFactory: SecretProviderFactory = async (url, options) =>
  (await import('./awssecretsmanager.js')).createAwsSecretsManagerProvider(url, options);
export const delineaFactory: SecretProviderFactory = async (url, options) => (await import('./delinea.js')).createDelineaProvider(url, options);
export const cyberArkCcpFactory: SecretProviderFactory = async (url, options) =>
  (await import('./cyberarkccp.js')).createCyberArkCcpProvider(url, options);
export const azureKeyVaultFactory: SecretProviderFactory = async (url, options) =>
  (await import('./azurekeyvault.js')).createAzureKeyVaultProvider(url, options);
export const conjurFactory: SecretProviderFactory = async (url, options) => (await import('./conjur.js')).createConjurProvider(url, options);

/** The stub for a scheme parsed here but not built in: validates the URL, then says what is needed. */
export function pluginRequiredFactory(scheme: (typeof PLUGIN_SCHEMES)[number]): SecretProviderFactory {
  return (url) => {
    parseProviderUrl(url); // a bad URL is reported as such first (missing parameter, …)
    throw new SecretProviderError(
      'unsupported',
      `secret provider ${describeProviderUrl(url)}: ${PLUGIN_NAMES[scheme]} (${scheme}://) is not built into maverics-config; ` +
        `it needs a provider plugin registered with registerSecretProvider('${scheme}', factory)`,
    );
  };
}

/**
 * Registers every built-in scheme that nobody has registered yet, so that a user's factory wins
 * whether it was registered before or after this runs. Runs when this module is first imported (the
 * resolver imports it); calling it again is harmless.
 */
export function registerBuiltInSecretProviders(): void {
  const taken = new Set(registeredSchemes());
  const register = (scheme: string, factory: SecretProviderFactory): void => {
    if (taken.has(scheme)) return;
    taken.add(scheme);
    registerSecretProvider(scheme, factory);
  };
  register('secretfile', secretFileFactory);
  for (const scheme of ['hashivault', 'hashivaults', 'hashivault+http', 'hashivault+https']) register(scheme, hashiVaultFactory);
  register('awssecretsmanager', awsSecretsManagerFactory);
  register('conjur', conjurFactory);
  register('delinea', delineaFactory);
  register('cyberarkccp', cyberArkCcpFactory);
  register('azurekeyvault', azureKeyVaultFactory);
  // Stubs only for the schemes not built in above (the `taken` check skips the others).
  for (const scheme of PLUGIN_SCHEMES) register(scheme, pluginRequiredFactory(scheme));
}

registerBuiltInSecretProviders();
