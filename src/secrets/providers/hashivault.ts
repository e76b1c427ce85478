/**
 * HashiCorp Vault through node-vault (`hashivault://`, `hashivaults://`, `hashivault+http://`,
 * `hashivault+https://`): the URL grammar, its typed config and the protocol, in this one file.
 *
 * - URL (Strata's HashiCorp Vault page): `?token=`; AppRole `?role_id=&secret_id=`
 *   (`POST /v1/auth/approle/login`); TLS certificate `?client_cert=&client_key=` (`POST
 *   /v1/auth/cert/login` over mutual TLS, HTTPS only); `?namespace=` (else `VAULT_NAMESPACE`), sent as
 *   `X-Vault-Namespace` on every request, login included. No other parameter is taken. Without a
 *   credential in the URL, `VAULT_TOKEN` from the environment; a partial credential (role_id without
 *   secret_id, client_cert without client_key) is a bad URL, never a silent fall-back to another one.
 *   `VAULT_CACERT` names the CA bundle for HTTPS.
 * - Every request carries `X-Vault-Request: true` (a Vault may be configured to require it, as the
 *   Vault CLI and official clients send it).
 * - An AppRole login uses up one use of a limited-use secret_id: a login answer whose token has a
 *   limited `num_uses` is reported as a warning.
 * - KV version: a URL path with a `data` segment (`/secret/data/maverics`) is KV v2 and is read as
 *   written. Otherwise the mount is asked the way the Vault CLI asks
 *   (`GET /v1/sys/internal/ui/mounts/<path>`): a v2 mount gets `data/` inserted after the mount; a
 *   v1 mount, or a Vault too old to answer (404), is read as written.
 * - Names (Strata: "maverics maps to the secret path configured in the URL, and the key maps to the
 *   key within that secret"): with the URL path `secret/data/maverics`, `<maverics.client_secret>` is
 *   the key `client_secret` of that secret. Then, as fallbacks: the flat key `ns.key` of the secret at
 *   the URL's path (public Vault seeds store dotted names flat), then the key `key` of the secret
 *   `<path>/ns`. The name is split at its first dot. A later read happens only when the earlier ones
 *   find nothing; a failed read (403, …) is an error, since it cannot tell whether the key exists.
 * - Each Vault path is read once per provider (memo.ts), and so is the login.
 * - Errors quote Vault's fixed messages only (VAULT_MESSAGES), never other text from a body.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type NodeVault from 'node-vault';
import { Memo } from '../memo.js';
import { loadSdk } from '../optional-sdk.js';
import { SecretProviderError, type BuiltInProvider, type ProviderContext, type SecretProvider, type SecretProviderErrorKind } from '../provider.js';
import { SecretValue } from '../../base/secret-value.js';
import { badUrl, pathSegments, QueryParams, requireHost } from '../url-grammar.js';
import { errorCode, isPlainObject, networkError, safeCause, stringifySecret } from './shared.js';
import { readPem } from './tls-material.js';

export type VaultAuth =
  | { method: 'token'; token: string }
  | { method: 'approle'; roleId: string; secretId: string }
  | { method: 'cert'; certFile: string; keyFile: string }
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
}

const PARAMETERS = ['token', 'role_id', 'secret_id', 'client_cert', 'client_key', 'namespace'];
/** Spellings seen in configs that the Orchestrator ignores (Go's url.Values.Get is case-sensitive). */
const HINTS: Record<string, string> = { certFile: 'client_cert', keyFile: 'client_key', cert_file: 'client_cert', key_file: 'client_key' };

function parseHashiVault(url: URL, description: string): HashiVaultConfig {
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  const params = new QueryParams(url, description, PARAMETERS, HINTS);
  const host = requireHost(url, description, `${scheme}://vault.example.com:8200/secret/data/maverics?token=…`);
  const tls = scheme !== 'hashivault+http';
  const port = url.port ? Number(url.port) : 8200;
  const path = pathSegments(url, description).join('/');
  if (!path) {
    throw badUrl(description, 'the secret path is missing (expected /<mount>/data/<path>, e.g. /secret/data/maverics)');
  }
  const token = params.get('token');
  const roleId = params.get('role_id');
  const secretId = params.get('secret_id');
  const certFile = params.get('client_cert');
  const keyFile = params.get('client_key');
  let auth: VaultAuth;
  if (token !== undefined) {
    auth = { method: 'token', token };
  } else if (roleId !== undefined || secretId !== undefined) {
    const hint = 'AppRole login needs role_id and secret_id';
    auth = { method: 'approle', roleId: params.required('role_id', description, hint), secretId: params.required('secret_id', description, hint) };
  } else if (certFile !== undefined || keyFile !== undefined) {
    const hint = 'TLS certificate login needs client_cert and client_key';
    auth = { method: 'cert', certFile: params.required('client_cert', description, hint), keyFile: params.required('client_key', description, hint) };
    if (!tls) throw badUrl(description, 'TLS certificate login needs HTTPS: use hashivault://, hashivaults:// or hashivault+https://');
  } else {
    auth = { method: 'env' };
  }
  const namespace = params.get('namespace');
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
  };
}

/** Upper bound on one HTTP exchange inside node-vault, so nothing lingers after a deadline. */
const CLIENT_TIMEOUT_MS = 30_000;

type VaultData = Record<string, unknown>;

/** The client fields node-vault sets from process.env that its typings do not declare. */
interface VaultClientInternals {
  token: string | undefined;
  namespace: string | undefined;
  pathPrefix: string;
}

interface Session {
  client: NodeVault.client;
  /** Where the secret at the URL's path is read; undefined when the URL names a v2 mount root. */
  base: string | undefined;
  /** Where the secret `<path>/<ns>` is read. */
  child(ns: string): string;
  version: 1 | 2;
}

export const hashiVault: BuiltInProvider<HashiVaultConfig> = {
  schemes: ['hashivault', 'hashivaults', 'hashivault+http', 'hashivault+https'],
  parse: parseHashiVault,
  create: (config, context) => new HashiVaultProvider(config, context),
};

export class HashiVaultProvider implements SecretProvider {
  readonly description: string;
  readonly #config: HashiVaultConfig;
  readonly #context: ProviderContext;
  readonly #session = new Memo<'session', Session>();
  readonly #reads = new Memo<string, VaultData | undefined>();
  #agents: (HttpAgent | HttpsAgent)[] = [];
  #closed = false;

  constructor(config: HashiVaultConfig, context: ProviderContext) {
    this.#config = config;
    this.#context = context;
    this.description = context.description;
  }

  get(key: string): Promise<SecretValue | undefined> {
    return this.#get(key);
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const agent of this.#agents) agent.destroy();
    this.#agents = [];
  }

  async #get(key: string): Promise<SecretValue | undefined> {
    const session = await this.#session.get('session', () => this.#startSession());
    const dot = key.indexOf('.');
    const ns = dot > 0 && dot < key.length - 1 ? key.slice(0, dot) : undefined;
    const rest = key.slice(dot + 1);
    const base = session.base;
    if (base !== undefined) {
      const data = await this.#read(session, base);
      // 1. Documented: `<maverics.key>` with the URL path …/maverics is the key of that secret.
      const secretName = this.#config.path.split('/').pop();
      if (ns !== undefined && ns === secretName) {
        const found = stringifySecret(data?.[rest]);
        if (found !== undefined) return new SecretValue(found, key);
      }
      // 2. The flat key at the URL's path (dotted names stored flat by public seeds).
      const flat = stringifySecret(data?.[key]);
      if (flat !== undefined) return new SecretValue(flat, key);
    }
    // 3. `ns.rest` → key `rest` of the secret `<path>/ns`.
    if (ns === undefined) return undefined;
    const found = stringifySecret((await this.#read(session, session.child(ns)))?.[rest]);
    return found === undefined ? undefined : new SecretValue(found, key);
  }

  async #startSession(): Promise<Session> {
    if (this.#closed) throw new SecretProviderError('unreachable', `${this.description}: the provider is closed`);
    const config = this.#config;
    const caFile = this.#context.env['VAULT_CACERT'];
    const tlsOptions: { ca?: Buffer; cert?: Buffer; key?: Buffer } = {};
    if (config.tls && caFile) tlsOptions.ca = await readPem(caFile, 'CA file (VAULT_CACERT)', this.description);
    if (config.auth.method === 'cert') {
      tlsOptions.cert = await readPem(config.auth.certFile, 'client certificate', this.description);
      tlsOptions.key = await readPem(config.auth.keyFile, 'client key', this.description);
    }
    const httpAgent = new HttpAgent({ keepAlive: true });
    const httpsAgent = new HttpsAgent({ keepAlive: true, ...tlsOptions });
    this.#agents.push(httpAgent, httpsAgent);

    const { default: createVault } = await loadSdk(['node-vault'], this.description, () => import('node-vault'));
    const vaultOptions: NodeVault.VaultOptions & { rpDefaults: { strictSSL: boolean } } = {
      endpoint: config.endpoint,
      apiVersion: 'v1',
      // node-vault would log request bodies (AppRole secret ids) under DEBUG=node-vault.
      debug: () => undefined,
      // Ignore VAULT_SKIP_VERIFY from the process environment: TLS is verified.
      rpDefaults: { strictSSL: true },
      requestOptions: { httpAgent, httpsAgent, timeout: CLIENT_TIMEOUT_MS },
    };
    const client = createVault(vaultOptions);
    // Every call (login, preflight, read) goes through client.request: each carries the header.
    const request = client.request.bind(client);
    client.request = (options) => request({ ...options, headers: { ...options?.headers, 'X-Vault-Request': 'true' } });
    // node-vault falls back to process.env for these; the provider's own environment decides here.
    const internals = client as unknown as VaultClientInternals;
    internals.pathPrefix = '';
    internals.namespace = config.namespace ?? this.#context.env['VAULT_NAMESPACE'] ?? undefined;
    internals.token = undefined;

    await this.#login(client, internals);
    return this.#layout(client);
  }

  async #login(client: NodeVault.client, internals: VaultClientInternals): Promise<void> {
    const auth = this.#config.auth;
    switch (auth.method) {
      case 'token':
        internals.token = auth.token;
        return;
      case 'env': {
        const token = this.#context.env['VAULT_TOKEN'];
        if (!token) {
          throw new SecretProviderError(
            'bad-url',
            `${this.description}: no credentials: add ?token=…, ?role_id=…&secret_id=… (AppRole) or ?client_cert=…&client_key=… (TLS certificate) to the URL, or set VAULT_TOKEN`,
          );
        }
        internals.token = token;
        return;
      }
      case 'approle': {
        const response: unknown = await client.approleLogin({ role_id: auth.roleId, secret_id: auth.secretId }).catch((error: unknown) => {
          throw this.#translate(error, 'AppRole login at auth/approle/login', true);
        });
        this.#takeToken(response, internals, 'AppRole');
        return;
      }
      case 'cert': {
        const response: unknown = await client.certLogin({}).catch((error: unknown) => {
          throw this.#translate(error, 'TLS certificate login at auth/cert/login', true);
        });
        this.#takeToken(response, internals, 'TLS certificate');
        return;
      }
    }
  }

  #takeToken(response: unknown, internals: VaultClientInternals, what: string): void {
    const auth = isPlainObject(response) && isPlainObject(response['auth']) ? response['auth'] : undefined;
    const token = auth?.['client_token'];
    if (typeof token !== 'string' || token === '') {
      throw new SecretProviderError('bad-response', `${this.description}: the ${what} login answer holds no auth.client_token`);
    }
    const uses = auth?.['num_uses'];
    if (typeof uses === 'number' && uses > 0) {
      this.#context.warn?.(
        `${this.description}: the ${what} login issued a token limited to ${uses} uses; every check spends one login (and one use of a limited secret_id)`,
      );
    }
    internals.token = token;
  }

  async #layout(client: NodeVault.client): Promise<Session> {
    const path = this.#config.path;
    const segments = path.split('/');
    const dataAt = segments.indexOf('data');
    if (dataAt > 0) {
      // KV v2 written out in the URL: <mount>/data/<path>.
      const base = dataAt === segments.length - 1 ? undefined : path;
      return { client, base, child: (ns) => `${path}/${ns}`, version: 2 };
    }
    let mount: string | undefined;
    let version: 1 | 2 = 1;
    try {
      const answer: unknown = await client.read(`sys/internal/ui/mounts/${path}`);
      const data = isPlainObject(answer) ? answer['data'] : undefined;
      if (isPlainObject(data)) {
        const options = data['options'];
        version = isPlainObject(options) && String(options['version']) === '2' ? 2 : 1;
        mount = typeof data['path'] === 'string' ? data['path'].replace(/\/+$/, '') : undefined;
      }
    } catch (error) {
      // Vault before 0.10 has no such endpoint: the CLI assumes KV v1, and so do we.
      if (statusOf(error) !== 404) throw this.#translate(error, `mount preflight sys/internal/ui/mounts/${path}`, false);
    }
    if (version === 2 && mount && (path === mount || path.startsWith(`${mount}/`))) {
      const rest = path.slice(mount.length + 1);
      const base = rest ? `${mount}/data/${rest}` : undefined;
      return { client, base, child: (ns) => `${mount}/data/${rest ? `${rest}/` : ''}${ns}`, version: 2 };
    }
    return { client, base: path, child: (ns) => `${path}/${ns}`, version: 1 };
  }

  #read(session: Session, path: string): Promise<VaultData | undefined> {
    return this.#reads.get(path, () => this.#readOnce(session, path));
  }

  async #readOnce(session: Session, path: string): Promise<VaultData | undefined> {
    let answer: unknown;
    try {
      answer = await session.client.read(path);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw this.#translate(error, `reading ${path}`, false);
    }
    const data = isPlainObject(answer) ? answer['data'] : undefined;
    if (session.version === 2) {
      if (!isPlainObject(data)) throw this.#shapeError(path, 'a data object');
      const inner = data['data'];
      // A deleted or destroyed version reads as data: null.
      if (inner === null || inner === undefined) return undefined;
      if (!isPlainObject(inner)) throw this.#shapeError(path, 'data.data to be an object (KV v2)');
      return inner;
    }
    if (!isPlainObject(data)) throw this.#shapeError(path, 'a data object');
    return data;
  }

  #shapeError(path: string, expected: string): SecretProviderError {
    return new SecretProviderError('bad-response', `${this.description}: the answer for ${path} is not what Vault sends (expected ${expected})`);
  }

  /** node-vault and axios failures → SecretProviderError, keeping no request or response data. */
  #translate(error: unknown, what: string, login: boolean): SecretProviderError {
    if (error instanceof SecretProviderError) return error;
    const status = statusOf(error);
    if (status !== undefined) {
      const detail = vaultMessage(error);
      let kind: SecretProviderErrorKind;
      if (status === 401 || status === 403 || (login && status === 400)) kind = 'denied';
      else if (status === 429) kind = 'throttled';
      else if (status >= 500) kind = 'server';
      else kind = 'bad-response';
      return new SecretProviderError(kind, `${this.description}: ${what} failed: HTTP ${status}${detail ? ` (${detail})` : ''}`, {
        cause: safeCause(error),
      });
    }
    const code = errorCode(error);
    const hint = this.#config.tls && (code === 'EPROTO' || code?.startsWith('ERR_SSL')) ? '; if this Vault serves plain HTTP, use hashivault+http://' : '';
    const network = networkError(error, `${this.description}: ${what}`, hint);
    if (network) return network;
    return new SecretProviderError('bad-response', `${this.description}: ${what} failed (${code ?? (error instanceof Error ? error.name : 'unknown error')})`, {
      cause: safeCause(error),
    });
  }
}

function statusOf(error: unknown): number | undefined {
  const response = isPlainObject(error) || error instanceof Error ? (error as { response?: unknown }).response : undefined;
  const status = isPlainObject(response) ? response['statusCode'] : undefined;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Vault has no error codes, only English text in `{"errors":[…]}`, which may echo what was sent (a
 * header, a path, a value). Only these fixed messages of Vault's own are quoted, as written here.
 */
const VAULT_MESSAGES = [
  'permission denied',
  'invalid role or secret ID',
  'invalid secret id',
  'missing client token',
  'invalid token',
  'no handler for route',
  'Vault is sealed',
  'rate limit quota exceeded',
  'missing required X-Vault-Request header',
  'invalid certificate or no client certificate supplied',
];

function vaultMessage(error: unknown): string | undefined {
  const response = (error as { response?: { body?: unknown } }).response;
  const body = response?.body;
  if (!isPlainObject(body) || !Array.isArray(body['errors'])) return undefined;
  const texts: unknown[] = body['errors'];
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    const known = VAULT_MESSAGES.find((m) => text.toLowerCase().includes(m.toLowerCase()));
    if (known) return known;
  }
  return undefined;
}
