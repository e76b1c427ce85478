/**
 * Azure Key Vault (`azurekeyvault://<vault>.vault.azure.net?clientID=…&clientSecret=…&tenantID=…
 * [&entraIDHost=…]`) through Microsoft's own clients, `@azure/keyvault-secrets` and
 * `@azure/identity` (optional peer dependencies), imported only when a provider is created. The
 * URL grammar, its typed config and the protocol live in this one file; no other parameter is taken.
 *
 * - Credential: with `clientID`, `clientSecret` and `tenantID`, a `ClientSecretCredential` (OAuth 2.0
 *   client credentials against Entra ID; `entraIDHost` is the authority host for sovereign clouds,
 *   e.g. `login.microsoftonline.us`); without them, the SDK's `DefaultAzureCredential` (environment,
 *   workload identity, managed identity, Azure CLI, …).
 * - Key Vault's challenge-based auth is the SDK's: the first request goes without a token, the 401's
 *   `WWW-Authenticate` names the tenant and resource, and the SDK checks that the resource belongs
 *   to the vault's domain. That check is skipped only for a loopback vault host (a local emulator or
 *   test server has no domain to check against).
 * - Names: `<name>` is the secret `name` (latest version); `<name/version>` a given version. Key Vault
 *   names hold only letters, digits and `-` (1 to 127): any other reference cannot name a secret and
 *   is unresolved without a request. `SecretNotFound` (404) is unresolved.
 * - The SDK's own retries are off: the resolver retries throttling (429) and 5xx.
 * - CA bundle: `NODE_EXTRA_CA_CERTS` from the provider's environment, given to both clients.
 */
import type { TokenCredential } from '@azure/identity';
import type { SecretClient } from '@azure/keyvault-secrets';
import { rootCertificates } from 'node:tls';
import { Memo } from '../memo.js';
import { loadSdk } from '../optional-sdk.js';
import { SecretProviderError, type BuiltInProvider, type ProviderContext, type SecretProvider, type SecretProviderErrorKind } from '../provider.js';
import { SecretValue } from '../../base/secret-value.js';
import { QueryParams, requireHost } from '../url-grammar.js';
import { safeCode } from './https-transport.js';
import { errorCode, isPlainObject, networkError, networkKind, safeCause } from './shared.js';
import { extraCas } from './tls-material.js';

export interface AzureKeyVaultConfig {
  kind: 'azurekeyvault';
  /** `https://<vault>.vault.azure.net` */
  vaultUrl: string;
  /** All three, or none: then the SDK's default credential chain. */
  clientId?: string;
  clientSecret?: string;
  tenantId?: string;
  /** Sovereign clouds: the Entra ID (AAD) authority host, e.g. `login.microsoftonline.us`. */
  entraIdHost?: string;
}

const PARAMETERS = ['clientID', 'clientSecret', 'tenantID', 'entraIDHost'];

function parseAzure(url: URL, description: string): AzureKeyVaultConfig {
  const params = new QueryParams(url, description, PARAMETERS);
  requireHost(url, description, 'azurekeyvault://<vault>.vault.azure.net?clientID=…&clientSecret=…&tenantID=…');
  const clientId = params.get('clientID');
  const clientSecret = params.get('clientSecret');
  const tenantId = params.get('tenantID');
  // All three (a service principal) or none (the SDK's default credential chain); a partial set is
  // a mistake worth naming rather than silently falling back to another identity.
  if (clientId !== undefined || clientSecret !== undefined || tenantId !== undefined) {
    const hint = 'a service principal needs clientID, clientSecret and tenantID; with none of them the default Azure credential chain is used';
    for (const name of ['clientID', 'clientSecret', 'tenantID']) params.required(name, description, hint);
  }
  const entraIdHost = params.get('entraIDHost');
  return {
    kind: 'azurekeyvault',
    vaultUrl: `https://${url.host}`,
    ...(clientId ? { clientId } : {}),
    ...(clientSecret ? { clientSecret } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(entraIdHost ? { entraIdHost } : {}),
  };
}

export const azureKeyVault: BuiltInProvider<AzureKeyVaultConfig> = {
  schemes: ['azurekeyvault'],
  parse: parseAzure,
  create: createAzureKeyVaultProvider,
};

const SECRET_NAME = /^[0-9A-Za-z-]{1,127}$/;
const VERSION = /^[0-9A-Za-z]{1,64}$/;
/** Entra ID authority hosts of the public and sovereign clouds: instance discovery knows them. */
const KNOWN_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
  'login.microsoftonline.de',
]);

/** `<name>` or `<name/version>`; undefined when the reference cannot name a Key Vault secret. */
export function splitAzureReference(reference: string): { name: string; version?: string } | undefined {
  const [name, version, ...rest] = reference.split('/');
  if (!name || !SECRET_NAME.test(name) || rest.length) return undefined;
  if (version === undefined) return { name };
  return VERSION.test(version) ? { name, version } : undefined;
}

async function createAzureKeyVaultProvider(config: AzureKeyVaultConfig, { env, description }: ProviderContext): Promise<SecretProvider> {
  const cas = await extraCas(env, [], description);
  // Giving `ca` replaces Node's roots, so they are kept alongside the extra ones.
  const tlsOptions = cas.length ? { tlsOptions: { ca: [...rootCertificates, ...cas.map((b) => b.toString('utf8'))].join('\n') } } : {};
  const [{ SecretClient }, identity] = await loadSdk(['@azure/identity', '@azure/keyvault-secrets'], description, () =>
    Promise.all([import('@azure/keyvault-secrets'), import('@azure/identity')]),
  );
  // entraIDHost, else AZURE_AUTHORITY_HOST (the SDK's own setting) from the provider's environment.
  const authorityHost = authorityUrl(config.entraIdHost ?? env['AZURE_AUTHORITY_HOST']);
  const authority = authorityHost
    ? {
        authorityHost,
        // Instance discovery asks the public cloud about the authority: only for hosts it knows.
        disableInstanceDiscovery: !KNOWN_AUTHORITY_HOSTS.has(new URL(authorityHost).hostname),
      }
    : {};
  let credential: TokenCredential;
  if (config.clientId && config.clientSecret && config.tenantId) {
    credential = new identity.ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret, {
      ...authority,
      retryOptions: { maxRetries: 0 },
      ...tlsOptions,
    });
  } else {
    credential = new identity.DefaultAzureCredential({ ...authority, retryOptions: { maxRetries: 0 }, ...tlsOptions });
  }
  const vaultHost = new URL(config.vaultUrl).hostname;
  const client = new SecretClient(config.vaultUrl, rememberRefusals(credential), {
    retryOptions: { maxRetries: 0 },
    disableChallengeResourceVerification: isLoopback(vaultHost),
    ...tlsOptions,
  });
  return new AzureKeyVaultProvider(client, config, description);
}

/** `login.microsoftonline.us` or `https://login.microsoftonline.us` → `https://login.microsoftonline.us`. */
function authorityUrl(host: string | undefined): string | undefined {
  if (!host) return undefined;
  return /^https:\/\//i.test(host) ? host.replace(/\/+$/, '') : `https://${host.replace(/\/+$/, '')}`;
}

/**
 * A credential that remembers a refused token request for the run: MSAL does not cache failures, so
 * without this every reference would ask Entra ID again with the same wrong secret. Failures worth
 * another try (network, 5xx, throttling) are not remembered.
 */
function rememberRefusals(inner: TokenCredential): TokenCredential {
  let refused: unknown;
  return {
    async getToken(scopes, options) {
      if (refused !== undefined) throw refused;
      try {
        return await inner.getToken(scopes, options);
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        const status = statusOf(error);
        const transient = networkKind(errorCode(error)) !== undefined || (status !== undefined && (status >= 500 || status === 429));
        if (!transient && (name === 'AuthenticationRequiredError' || name === 'AuthenticationError' || name === 'CredentialUnavailableError')) refused = error;
        throw error;
      }
    },
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export class AzureKeyVaultProvider implements SecretProvider {
  readonly description: string;
  readonly #client: SecretClient;
  readonly #config: AzureKeyVaultConfig;
  /**
   * The List permission check, once per run (memo.ts). It also carries the challenge round trip and
   * the token request, so every read waits for it: eight concurrent first reads make one challenge.
   */
  readonly #listed = new Memo<'list', void>();

  constructor(client: SecretClient, config: AzureKeyVaultConfig, description: string) {
    this.#client = client;
    this.#config = config;
    this.description = description;
  }

  get(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    return this.#get(key, signal);
  }

  async #get(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    const ref = splitAzureReference(key);
    if (!ref) return undefined;
    await this.#listed.get('list', () => this.#checkList(signal));
    try {
      const secret = await this.#client.getSecret(ref.name, {
        // The resolver's deadline is the bound. (The SDK's own `timeout` option leaves a timer
        // running for its full length after each request, holding the process open.)
        abortSignal: signal,
        ...(ref.version ? { version: ref.version } : {}),
      });
      return new SecretValue(secret.value ?? '', key);
    } catch (error) {
      if (statusOf(error) === 404 && codeOf(error) === 'SecretNotFound') return undefined;
      // The Orchestrator pre-populates enabled secrets only: a disabled one is absent to it.
      if (statusOf(error) === 403 && innerCodeOf(error) === 'SecretDisabled') return undefined;
      throw this.#translate(error, `getting the secret ${ref.name}`, signal);
    }
  }

  /**
   * Strata's Azure Key Vault page: the Orchestrator lists the vault's secrets at start-up, then gets
   * every enabled one. An identity without List permission fails it, so it fails here too, once.
   * (Key Vault REST "Get Secrets": `GET /secrets?maxresults=…`.)
   */
  async #checkList(signal: AbortSignal): Promise<void> {
    try {
      await this.#client.listPropertiesOfSecrets({ abortSignal: signal }).byPage({ maxPageSize: 1 }).next();
    } catch (error) {
      const translated = this.#translate(error, 'listing the secrets', signal);
      if (statusOf(error) === 403) {
        throw new SecretProviderError(
          'denied',
          `${translated.message}: the identity may not list secrets, and the Orchestrator lists the vault's secrets at start-up before reading the enabled ones`,
          { cause: translated.cause },
        );
      }
      throw translated;
    }
  }

  /** SDK and identity failures → SecretProviderError, keeping only codes (never the server's text). */
  #translate(error: unknown, what: string, signal: AbortSignal): SecretProviderError {
    if (error instanceof SecretProviderError) return error;
    const errorName = error instanceof Error ? error.name : undefined;
    if (signal.aborted || errorName === 'AbortError') {
      return new SecretProviderError('timeout', `${this.description}: ${what}: no answer before the request deadline`, { cause: safeCause(error) });
    }
    if (errorName === 'CredentialUnavailableError' && this.#config.clientId) {
      // The vault's challenge names its tenant; a service principal of another tenant may not ask it.
      return new SecretProviderError(
        'denied',
        `${this.description}: ${what} failed: the vault belongs to another tenant than tenantID ${this.#config.tenantId ?? ''} (its challenge names a tenant this credential may not use)`,
        { cause: safeCause(error) },
      );
    }
    if (errorName === 'CredentialUnavailableError' || (errorName === 'AggregateAuthenticationError' && !this.#config.clientId)) {
      return new SecretProviderError(
        'bad-url',
        `${this.description}: ${what} failed: no Azure credential: add clientID, clientSecret and tenantID to the URL, or set up the default credential chain (AZURE_CLIENT_ID/AZURE_CLIENT_SECRET/AZURE_TENANT_ID, workload or managed identity, az login)`,
        { cause: safeCause(error) },
      );
    }
    if (errorName === 'AuthenticationError' || errorName === 'AuthenticationRequiredError') return this.#tokenError(error, what);
    const status = statusOf(error);
    if (status !== undefined) {
      let kind: SecretProviderErrorKind;
      if (status === 401 || status === 403) kind = 'denied';
      else if (status === 429) kind = 'throttled';
      else if (status >= 500) kind = 'server';
      else kind = 'bad-response';
      const codes = [codeOf(error), innerCodeOf(error)].filter((c): c is string => c !== undefined).join('/');
      const hint = status === 403 && what.startsWith('getting') ? ' (the identity may not get secrets from this vault)' : '';
      // Key Vault says when to come back (Retry-After, seconds): the resolver waits that long.
      const retryAfterMs = status === 429 ? retryAfterOf(error) : undefined;
      return new SecretProviderError(kind, `${this.description}: ${what} failed: HTTP ${status}${codes ? ` (${codes})` : ''}${hint}`, {
        cause: safeCause(error),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
    const network = networkError(error, `${this.description}: ${what}`);
    if (network) return network;
    return new SecretProviderError('bad-response', `${this.description}: ${what} failed (${safeCode(errorName) ?? 'error'})`, { cause: safeCause(error) });
  }

  /** A refused or failed Entra ID token request: its OAuth error and AADSTS code, nothing else. */
  #tokenError(error: unknown, what: string): SecretProviderError {
    const status = (error as { statusCode?: unknown }).statusCode;
    const response = (error as { errorResponse?: { error?: unknown; errorDescription?: unknown } }).errorResponse;
    const message = error instanceof Error ? error.message : '';
    // MSAL's failures read "invalid_client: Error(s): 7000215 - … AADSTS7000215: …": code and AADSTS only.
    const oauth = safeCode(response?.error) ?? /^([a-z_]+):/.exec(message)?.[1];
    const description = typeof response?.errorDescription === 'string' ? response.errorDescription : message;
    const aadsts = /AADSTS\d+/.exec(description)?.[0];
    const code = errorCode(error);
    const network = networkKind(code);
    if (network && oauth === undefined) {
      return networkError(error, `${this.description}: ${what}: the Entra ID token request`) ?? new SecretProviderError(network, `${this.description}: ${what} failed (${code})`);
    }
    let kind: SecretProviderErrorKind = 'denied';
    if (typeof status === 'number' && status >= 500) kind = 'server';
    else if (status === 429) kind = 'throttled';
    const codes = [oauth, aadsts].filter((c): c is string => c !== undefined).join(' ');
    const who = this.#config.clientId ? ` for client ${this.#config.clientId} in tenant ${this.#config.tenantId}` : '';
    const statusText = typeof status === 'number' && status > 0 ? `HTTP ${status}` : 'refused';
    return new SecretProviderError(kind, `${this.description}: ${what} failed: the Entra ID token request${who} was ${statusText === 'refused' ? 'refused' : `answered ${statusText}`}${codes ? ` (${codes})` : ''}`, {
      cause: safeCause(error),
    });
  }
}

/** `Retry-After` of a throttled answer, in milliseconds (seconds on the wire), as the SDK's RestError keeps it. */
function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  const seconds = value !== undefined && /^\d{1,4}$/.test(value.trim()) ? Number(value) : undefined;
  return seconds === undefined ? undefined : seconds * 1000;
}

function statusOf(error: unknown): number | undefined {
  const status = isPlainObject(error) || error instanceof Error ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** Key Vault's `error.code` (`SecretNotFound`, `Forbidden`, `Throttled`, …), as the SDK exposes it. */
function codeOf(error: unknown): string | undefined {
  return safeCode((error as { code?: unknown } | undefined)?.code);
}

/** Key Vault's `error.innererror.code` (`ForbiddenByRbac`, `SecretDisabled`, …) from the parsed body. */
function innerCodeOf(error: unknown): string | undefined {
  const body = (error as { details?: unknown } | undefined)?.details;
  const detail = isPlainObject(body) && isPlainObject(body['error']) ? body['error'] : undefined;
  // The wire name is `innererror`; the SDK's deserialiser may hand it over as `innerError`.
  const inner = detail ? (detail['innererror'] ?? detail['innerError']) : undefined;
  return isPlainObject(inner) ? safeCode(inner['code']) : undefined;
}
