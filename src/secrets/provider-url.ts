/**
 * Secret provider URLs, parsed the way the Orchestrator takes them from `MAVERICS_SECRET_PROVIDER`
 * (or its `-secretProvider` flag), into one typed config per scheme. Nothing here talks to a network
 * or imports a client: parsing is cheap enough for `lint`.
 *
 * Every message this module produces is free of credentials: it shows a provider URL only through
 * `describeProviderUrl`, which drops the query string and any `user:password@`.
 */
import { SecretProviderError } from './provider.js';

export type ProviderScheme =
  | 'secretfile'
  | 'hashivault'
  | 'hashivault+http'
  | 'hashivault+https'
  | 'hashivaults'
  | 'awssecretsmanager'
  | 'azurekeyvault'
  | 'delinea'
  | 'conjur'
  | 'cyberarkccp';

export const PROVIDER_SCHEMES: readonly ProviderScheme[] = [
  'secretfile',
  'hashivault',
  'hashivault+http',
  'hashivault+https',
  'hashivaults',
  'awssecretsmanager',
  'azurekeyvault',
  'delinea',
  'conjur',
  'cyberarkccp',
];

export interface SecretFileConfig {
  kind: 'secretfile';
  /** Absolute path of the YAML file, percent-decoded. */
  path: string;
}

export type VaultAuth =
  | { method: 'token'; token: string }
  | { method: 'approle'; roleId: string; secretId: string; mount: string }
  | { method: 'cert'; certFile: string; keyFile: string; role?: string; mount: string }
  /** No credential in the URL: `VAULT_TOKEN` from the environment is used at start-up. */
  | { method: 'env' };

export interface HashiVaultConfig {
  kind: 'hashivault';
  /**
   * `hashivault+http://` is plain HTTP; `hashivault://`, `hashivault+https://` and `hashivaults://`
   * are HTTPS (the newer Orchestrator docs; older ones said `hashivault://` is HTTP).
   */
  tls: boolean;
  host: string;
  /** From the URL; 8200 (Vault's default) when the URL gives none. */
  port: number;
  /** `http(s)://host:port`, without credentials. */
  endpoint: string;
  /** The secret path from the URL without leading/trailing slashes, e.g. `secret/data/maverics`. */
  path: string;
  auth: VaultAuth;
  namespace?: string;
  /** CA bundle to trust for HTTPS (`caFile`; else `VAULT_CACERT` at start-up). */
  caFile?: string;
}

export interface AwsSecretsManagerConfig {
  kind: 'awssecretsmanager';
  /** From `?region=` or the older host form; else the SDK's own resolution (AWS_REGION, config files). */
  region?: string;
  /** Both or neither: static keys from the URL; else the SDK default credential chain. */
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  /**
   * Older form `awssecretsmanager://<region>/<secret-name>`: a JSON secret whose fields are the
   * references (a reference that is not one of its fields falls back to a secret of that name).
   */
  bundleSecret?: string;
}

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

export interface DelineaConfig {
  kind: 'delinea';
  host: string;
  username: string;
  password: string;
  folder?: string;
}

export interface ConjurConfig {
  kind: 'conjur';
  host: string;
  account: string;
  /** Percent-decoded: `host%2Fmaverics` in the URL is the login `host/maverics`. */
  login: string;
  apiKey: string;
}

export interface CyberArkCcpConfig {
  kind: 'cyberarkccp';
  host: string;
  appId: string;
  safe: string;
  certFile: string;
  keyFile: string;
  caFile?: string;
  folder?: string;
  /**
   * CCP cannot store multi-line passwords: the Orchestrator's `newLineDelim` names the text that
   * stands for a newline in a stored value (e.g. `^` for `FirstLine^SecondLine`).
   */
  newLineDelim?: string;
}

export type ProviderConfig =
  | SecretFileConfig
  | HashiVaultConfig
  | AwsSecretsManagerConfig
  | AzureKeyVaultConfig
  | DelineaConfig
  | ConjurConfig
  | CyberArkCcpConfig;

/** Query parameters that hold no credential and are worth showing in a description. */
const SAFE_PARAMS = new Set(['region', 'namespace']);

/**
 * A provider URL with its credentials removed: no `user:password@`, and of the query string only
 * parameters known to be harmless (`region`, `namespace`). Never throws; a string that is not a URL
 * is reduced to its scheme.
 */
export function describeProviderUrl(input: string | URL): string {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(String(input))?.[1];
    return scheme ? `${scheme.toLowerCase()}://…` : 'an unparseable provider URL';
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  const safe: string[] = [];
  for (const [k, v] of url.searchParams) {
    if (SAFE_PARAMS.has(k)) safe.push(`${k}=${encodeURIComponent(v)}`);
  }
  return `${scheme}://${url.host}${url.pathname}${safe.length ? `?${safe.join('&')}` : ''}`;
}

/**
 * Removes anything credential-shaped from free text: `user:password@` in URLs, and every query
 * parameter of a URL except the harmless ones (`region`, `namespace`).
 */
export function scrubCredentials(text: string): string {
  return text
    .replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/\s@?#]*@/g, '$1')
    .replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s?#]*)\?([^\s#]*)/g, (_match, head: string, rawQuery: string) => {
      // Punctuation right after a URL in a sentence ("…?region=us-west-2: failed") is not part of it.
      const tail = /[:;,)]+$/.exec(rawQuery)?.[0] ?? '';
      const query = rawQuery.slice(0, rawQuery.length - tail.length);
      const safe: string[] = [];
      for (const part of query.split('&')) {
        const eq = part.indexOf('=');
        const name = eq < 0 ? part : part.slice(0, eq);
        const value = eq < 0 ? '' : part.slice(eq + 1);
        // A value is kept only when it is plainly a value (a region, a namespace path), never
        // swallowing the text that follows it.
        if (SAFE_PARAMS.has(name) && /^[A-Za-z0-9_\-./%]*$/.test(value)) safe.push(`${name}=${value}`);
      }
      return `${safe.length ? `${head}?${safe.join('&')}` : head}${tail}`;
    });
}

function badUrl(description: string, what: string): SecretProviderError {
  return new SecretProviderError('bad-url', `secret provider ${description}: ${what}`);
}

/** Parses a provider URL string; the message of a failure never repeats the URL's credentials. */
export function toProviderUrl(input: string | URL): URL {
  if (input instanceof URL) return input;
  const trimmed = input.trim();
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(trimmed)) {
    throw new SecretProviderError(
      'bad-url',
      `the secret provider is not a URL of the form scheme://… (got ${describeProviderUrl(trimmed)}); known schemes: ${PROVIDER_SCHEMES.join(', ')}`,
    );
  }
  try {
    return new URL(trimmed);
  } catch {
    throw new SecretProviderError('bad-url', `the secret provider URL ${describeProviderUrl(trimmed)} cannot be parsed`);
  }
}

export function urlScheme(url: URL): string {
  return url.protocol.replace(/:$/, '').toLowerCase();
}

function decode(component: string, description: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    throw badUrl(description, 'it holds a malformed percent-escape');
  }
}

/** Splits the path into decoded segments, so that `%2F` inside one segment stays inside it. */
function pathSegments(url: URL, description: string): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decode(s, description));
}

function param(url: URL, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value !== null && value !== '') return value;
  }
  return undefined;
}

function required(url: URL, names: readonly string[], description: string, hint = ''): string {
  const value = param(url, names);
  if (value === undefined) {
    throw badUrl(description, `the parameter ${names[0]} is missing${hint ? ` (${hint})` : ''}`);
  }
  return value;
}

function requireHost(url: URL, description: string, example: string): string {
  if (!url.hostname) throw badUrl(description, `the host is missing (expected ${example})`);
  return url.hostname;
}

/** Parses a provider URL of any of the seven schemes into its typed config. */
export function parseProviderUrl(input: string | URL): ProviderConfig {
  const url = toProviderUrl(input);
  const description = describeProviderUrl(url);
  const scheme = urlScheme(url);
  switch (scheme) {
    case 'secretfile':
      return parseSecretFile(url, description);
    case 'hashivault':
    case 'hashivaults':
    case 'hashivault+http':
    case 'hashivault+https':
      return parseHashiVault(url, description, scheme);
    case 'awssecretsmanager':
      return parseAws(url, description);
    case 'azurekeyvault':
      return parseAzure(url, description);
    case 'delinea':
      return parseDelinea(url, description);
    case 'conjur':
      return parseConjur(url, description);
    case 'cyberarkccp':
      return parseCyberArkCcp(url, description);
    default:
      throw new SecretProviderError(
        'bad-url',
        `unknown secret provider scheme ${scheme}:// (known: ${PROVIDER_SCHEMES.join(', ')})`,
      );
  }
}

function parseSecretFile(url: URL, description: string): SecretFileConfig {
  if (url.host) {
    throw badUrl(
      description,
      `a secret file URL takes an absolute path after three slashes, e.g. secretfile:///etc/maverics/secrets.yaml (got host ${url.host})`,
    );
  }
  const path = decode(url.pathname, description);
  if (!path.startsWith('/') || path === '/') {
    throw badUrl(description, 'the absolute path of the secret file is missing, e.g. secretfile:///etc/maverics/secrets.yaml');
  }
  return { kind: 'secretfile', path };
}

function parseHashiVault(url: URL, description: string, scheme: string): HashiVaultConfig {
  const host = requireHost(url, description, `${scheme}://vault.example.com:8200/secret/data/maverics?token=…`);
  const tls = scheme !== 'hashivault+http';
  const port = url.port ? Number(url.port) : 8200;
  const path = pathSegments(url, description).join('/');
  if (!path) {
    throw badUrl(description, 'the secret path is missing (expected /<mount>/data/<path>, e.g. /secret/data/maverics)');
  }
  const token = param(url, ['token']);
  const roleId = param(url, ['role_id', 'roleID', 'roleId']);
  const secretId = param(url, ['secret_id', 'secretID', 'secretId']);
  const certFile = param(url, ['certFile', 'cert_file']);
  const keyFile = param(url, ['keyFile', 'key_file']);
  let auth: VaultAuth;
  if (token !== undefined) {
    auth = { method: 'token', token };
  } else if (roleId !== undefined || secretId !== undefined) {
    if (roleId === undefined) throw badUrl(description, 'the parameter role_id is missing (AppRole login needs role_id and secret_id)');
    if (secretId === undefined) throw badUrl(description, 'the parameter secret_id is missing (AppRole login needs role_id and secret_id)');
    auth = { method: 'approle', roleId, secretId, mount: param(url, ['auth_mount', 'authMount']) ?? 'approle' };
  } else if (certFile !== undefined || keyFile !== undefined) {
    if (certFile === undefined) throw badUrl(description, 'the parameter certFile is missing (TLS certificate login needs certFile and keyFile)');
    if (keyFile === undefined) throw badUrl(description, 'the parameter keyFile is missing (TLS certificate login needs certFile and keyFile)');
    if (!tls) throw badUrl(description, 'TLS certificate login needs HTTPS: use hashivaults:// or hashivault+https://');
    const role = param(url, ['certRole', 'cert_role', 'role']);
    auth = { method: 'cert', certFile, keyFile, mount: param(url, ['auth_mount', 'authMount']) ?? 'cert', ...(role ? { role } : {}) };
  } else {
    auth = { method: 'env' };
  }
  const namespace = param(url, ['namespace']);
  const caFile = param(url, ['caFile', 'ca_file', 'ca_cert']);
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return {
    kind: 'hashivault',
    tls,
    host,
    port,
    endpoint: `${tls ? 'https' : 'http'}://${hostPart}:${port}`,
    path,
    auth,
    ...(namespace ? { namespace } : {}),
    ...(caFile ? { caFile } : {}),
  };
}

const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function parseAws(url: URL, description: string): AwsSecretsManagerConfig {
  const host = requireHost(url, description, 'awssecretsmanager://amazonaws.com?region=us-west-2');
  const segments = pathSegments(url, description);
  let region = param(url, ['region']);
  let bundleSecret: string | undefined;
  if (host === 'amazonaws.com' || host.endsWith('.amazonaws.com')) {
    if (segments.length) bundleSecret = segments.join('/');
  } else if (AWS_REGION.test(host)) {
    // Older form: awssecretsmanager://us-west-2/<secret-name>
    region ??= host;
    if (!segments.length) {
      throw badUrl(description, 'the secret name is missing (expected awssecretsmanager://<region>/<secret-name>)');
    }
    bundleSecret = segments.join('/');
  } else {
    throw badUrl(
      description,
      `the host must be amazonaws.com (awssecretsmanager://amazonaws.com?region=us-west-2) or a region (awssecretsmanager://us-west-2/<secret-name>), got ${host}`,
    );
  }
  if (region !== undefined && !AWS_REGION.test(region)) {
    throw badUrl(description, `the parameter region is not an AWS region name (got ${region})`);
  }
  const accessKeyId = param(url, ['accessKeyID', 'accessKeyId', 'access_key_id']);
  const secretAccessKey = param(url, ['secretAccessKey', 'secret_access_key']);
  const sessionToken = param(url, ['sessionToken', 'session_token']);
  if (accessKeyId !== undefined && secretAccessKey === undefined) {
    throw badUrl(description, 'the parameter secretAccessKey is missing (accessKeyID needs it)');
  }
  if (secretAccessKey !== undefined && accessKeyId === undefined) {
    throw badUrl(description, 'the parameter accessKeyID is missing (secretAccessKey needs it)');
  }
  return {
    kind: 'awssecretsmanager',
    ...(region ? { region } : {}),
    ...(accessKeyId ? { accessKeyId } : {}),
    ...(secretAccessKey ? { secretAccessKey } : {}),
    ...(sessionToken ? { sessionToken } : {}),
    ...(bundleSecret ? { bundleSecret } : {}),
  };
}

function parseAzure(url: URL, description: string): AzureKeyVaultConfig {
  requireHost(url, description, 'azurekeyvault://<vault>.vault.azure.net?clientID=…&clientSecret=…&tenantID=…');
  const clientId = param(url, ['clientID', 'clientId']);
  const clientSecret = param(url, ['clientSecret']);
  const tenantId = param(url, ['tenantID', 'tenantId']);
  // All three (a service principal) or none (the SDK's default credential chain); a partial set is
  // a mistake worth naming rather than silently falling back to another identity.
  if (clientId !== undefined || clientSecret !== undefined || tenantId !== undefined) {
    const hint = 'a service principal needs clientID, clientSecret and tenantID; with none of them the default Azure credential chain is used';
    required(url, ['clientID', 'clientId'], description, hint);
    required(url, ['clientSecret'], description, hint);
    required(url, ['tenantID', 'tenantId'], description, hint);
  }
  const entraIdHost = param(url, ['entraIDHost', 'entraIdHost']);
  return {
    kind: 'azurekeyvault',
    vaultUrl: `https://${url.host}`,
    ...(clientId ? { clientId } : {}),
    ...(clientSecret ? { clientSecret } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(entraIdHost ? { entraIdHost } : {}),
  };
}

function parseDelinea(url: URL, description: string): DelineaConfig {
  requireHost(url, description, 'delinea://<host>?username=…&password=…&folder=…');
  const hint = 'delinea:// needs username and password';
  const username = required(url, ['username'], description, hint);
  const password = required(url, ['password'], description, hint);
  const folder = param(url, ['folder']);
  return { kind: 'delinea', host: url.host, username, password, ...(folder ? { folder } : {}) };
}

function parseConjur(url: URL, description: string): ConjurConfig {
  requireHost(url, description, 'conjur://<host>/<account>/<login>?apikey=…');
  const segments = pathSegments(url, description);
  if (segments.length < 2) {
    throw badUrl(
      description,
      'the account and login are missing (expected conjur://<host>/<account>/<login>?apikey=…, with a host login written host%2F<id>)',
    );
  }
  const [account, ...rest] = segments as [string, ...string[]];
  // A login written with a literal `/` (host/app) instead of %2F is accepted as the same login.
  const login = rest.join('/');
  const apiKey = required(url, ['apikey', 'apiKey'], description);
  return { kind: 'conjur', host: url.host, account, login, apiKey };
}

function parseCyberArkCcp(url: URL, description: string): CyberArkCcpConfig {
  requireHost(url, description, 'cyberarkccp://<host>?appID=…&safe=…&certFile=…&keyFile=…');
  const hint = 'cyberarkccp:// needs appID, safe, certFile and keyFile';
  const appId = required(url, ['appID', 'appId'], description, hint);
  const safe = required(url, ['safe'], description, hint);
  const certFile = required(url, ['certFile'], description, hint);
  const keyFile = required(url, ['keyFile'], description, hint);
  const caFile = param(url, ['caFile']);
  const folder = param(url, ['folder']);
  const newLineDelim = param(url, ['newLineDelim']);
  return {
    kind: 'cyberarkccp',
    host: url.host,
    appId,
    safe,
    certFile,
    keyFile,
    ...(caFile ? { caFile } : {}),
    ...(folder ? { folder } : {}),
    ...(newLineDelim ? { newLineDelim } : {}),
  };
}
