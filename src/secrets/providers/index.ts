/**
 * The one list of built-in schemes, and their registration through the same
 * `registerSecretProvider` call users have. Each provider's file holds its URL grammar, its typed
 * config and its protocol; its client (node-vault, the AWS SDK, the Azure SDK) is imported only when
 * a provider is created, so importing this file costs the URL grammars and nothing more, and `lint`
 * never loads a client.
 *
 * A user's registration of a scheme wins over the built-in, whether it comes before or after this
 * module runs.
 */
import { SecretProviderError, type BuiltInProvider, type SecretProviderFactory } from '../provider.js';
import { registeredSchemes, registerSecretProvider } from '../registry.js';
import { describeProviderUrl, toProviderUrl, urlScheme } from '../url-grammar.js';
import { awsSecretsManager, type AwsSecretsManagerConfig } from './awssecretsmanager.js';
import { azureKeyVault, type AzureKeyVaultConfig } from './azurekeyvault.js';
import { conjur, type ConjurUrlConfig } from './conjur.js';
import { cyberArkCcp, type CyberArkCcpConfig } from './cyberarkccp.js';
import { delinea, type DelineaConfig } from './delinea.js';
import { hashiVault, type HashiVaultConfig } from './hashivault.js';
import { secretFile, type SecretFileConfig } from './secretfile.js';

export type ProviderConfig =
  | SecretFileConfig
  | HashiVaultConfig
  | AwsSecretsManagerConfig
  | AzureKeyVaultConfig
  | DelineaConfig
  | ConjurUrlConfig
  | CyberArkCcpConfig;

interface Entry {
  schemes: readonly string[];
  parse(url: URL, description: string): ProviderConfig;
  factory: SecretProviderFactory;
}

/** One provider's entry: its URL parsed and described once, then created from the typed config. */
function entry<Config extends ProviderConfig>(provider: BuiltInProvider<Config>): Entry {
  return {
    schemes: provider.schemes,
    parse: (url, description) => provider.parse(url, description),
    factory: (url, options) => {
      const description = describeProviderUrl(url);
      return provider.create(provider.parse(url, description), { ...options, description });
    },
  };
}

const BUILT_IN: readonly Entry[] = [
  entry(secretFile),
  entry(hashiVault),
  entry(awsSecretsManager),
  entry(azureKeyVault),
  entry(delinea),
  entry(conjur),
  entry(cyberArkCcp),
];

/** Every scheme the Orchestrator takes, in the order the providers are listed. */
export const PROVIDER_SCHEMES: readonly string[] = BUILT_IN.flatMap((provider) => provider.schemes);

/** Parses a provider URL of any built-in scheme into its typed config (no client is loaded). */
export function parseProviderUrl(input: string | URL): ProviderConfig {
  const url = toProviderUrl(input);
  const scheme = urlScheme(url);
  const provider = BUILT_IN.find((candidate) => candidate.schemes.includes(scheme));
  if (!provider) {
    throw new SecretProviderError('bad-url', `unknown secret provider scheme ${scheme}:// (known: ${PROVIDER_SCHEMES.join(', ')})`);
  }
  return provider.parse(url, describeProviderUrl(url));
}

/**
 * Registers every built-in scheme that nobody has registered yet, so that a user's factory wins
 * whether it was registered before or after this runs. Runs when this module is first imported (the
 * resolver imports it); calling it again is harmless.
 */
export function registerBuiltInSecretProviders(): void {
  const taken = new Set(registeredSchemes());
  for (const provider of BUILT_IN) {
    for (const scheme of provider.schemes) if (!taken.has(scheme)) registerSecretProvider(scheme, provider.factory);
  }
}

registerBuiltInSecretProviders();
