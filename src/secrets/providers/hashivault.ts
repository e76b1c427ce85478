/**
 * HashiCorp Vault through node-vault (`hashivault://`, `hashivaults://`, `hashivault+http://`,
 * `hashivault+https://`).
 *
 * - Login: `?token=`; AppRole (`?role_id=&secret_id=`, `POST /v1/auth/approle/login`); TLS
 *   certificate (`?certFile=&keyFile=[&certRole=]`, `POST /v1/auth/cert/login` over mutual TLS);
 *   else `VAULT_TOKEN` from the environment. `?namespace=` (else `VAULT_NAMESPACE`) is sent as
 *   `X-Vault-Namespace` on every request, login included. `?caFile=` (else `VAULT_CACERT`) is the CA
 *   bundle for HTTPS.
 * - KV version: a URL path with a `data` segment (`/secret/data/maverics`) is KV v2 and is read as
 *   written. Otherwise the mount is asked the way the Vault CLI asks
 *   (`GET /v1/sys/internal/ui/mounts/<path>`): a v2 mount gets `data/` inserted after the mount; a
 *   v1 mount, or a Vault too old to answer (404), is read as written.
 * - Names: `<ns.key>` is first the flat key `ns.key` of the secret at the URL's path (public Vault
 *   examples store dotted names flat: the nickgamb-strata seed script writes every name into the one
 *   secret `secret/data/maverics`), then the key `key` of the secret `<path>/ns`. The name is split at
 *   its first dot. The second read happens only when the first finds nothing; a failed first read
 *   (403, …) is an error, since it cannot tell whether the flat key exists.
 * - Each Vault path is read once per provider (concurrent lookups share the request). A failure
 *   is remembered too, except throttling, 5xx and timeouts, which the next attempt tries again; the
 *   same holds for the login.
 */
import { readFile } from 'node:fs/promises';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type NodeVault from 'node-vault';
import { SecretProviderError, type ProviderOptions, type SecretProvider, type SecretProviderErrorKind } from '../provider.js';
import { describeProviderUrl, parseProviderUrl, type HashiVaultConfig } from '../provider-url.js';
import { SecretValue } from '../secret-value.js';
import { errorCode, isPlainObject, networkKind, raceAbort, safeCause, stringifySecret } from './shared.js';

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

export async function createHashiVaultProvider(url: URL, options: ProviderOptions): Promise<SecretProvider> {
  const config = parseProviderUrl(url) as HashiVaultConfig;
  return new HashiVaultProvider(config, options, describeProviderUrl(url));
}

export class HashiVaultProvider implements SecretProvider {
  readonly description: string;
  readonly #config: HashiVaultConfig;
  readonly #env: Readonly<Record<string, string | undefined>>;
  #session: Promise<Session> | undefined;
  readonly #reads = new Map<string, Promise<VaultData | undefined>>();
  #agents: (HttpAgent | HttpsAgent)[] = [];
  #closed = false;

  constructor(config: HashiVaultConfig, options: ProviderOptions, description?: string) {
    this.#config = config;
    this.#env = options.env;
    this.description = description ?? `${config.tls ? 'hashivaults' : 'hashivault+http'}://${config.host}:${config.port}/${config.path}`;
  }

  get(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    return raceAbort(this.#get(key), signal, `${this.description}: reading ${key}`);
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const agent of this.#agents) agent.destroy();
    this.#agents = [];
  }

  async #get(key: string): Promise<SecretValue | undefined> {
    const session = await this.#ensureSession();
    // 1. The flat key at the URL's path: one shared read of the base secret for every name.
    if (session.base !== undefined) {
      const found = stringifySecret((await this.#read(session, session.base))?.[key]);
      if (found !== undefined) return new SecretValue(found, key);
    }
    // 2. `ns.rest` → key `rest` of the secret `<path>/ns`.
    const dot = key.indexOf('.');
    if (dot <= 0 || dot === key.length - 1) return undefined;
    const found = stringifySecret((await this.#read(session, session.child(key.slice(0, dot))))?.[key.slice(dot + 1)]);
    return found === undefined ? undefined : new SecretValue(found, key);
  }

  #ensureSession(): Promise<Session> {
    if (!this.#session) {
      const pending = this.#startSession();
      this.#session = pending;
      pending.catch((error: unknown) => {
        if (this.#session === pending && worthRetrying(error)) this.#session = undefined;
      });
    }
    return this.#session;
  }

  async #startSession(): Promise<Session> {
    if (this.#closed) throw new SecretProviderError('unreachable', `${this.description}: the provider is closed`);
    const config = this.#config;
    const caFile = config.caFile ?? this.#env['VAULT_CACERT'];
    const readPem = async (file: string, what: string): Promise<Buffer> => {
      try {
        return await readFile(file);
      } catch (error) {
        throw new SecretProviderError('bad-url', `${this.description}: cannot read the ${what} ${file} (${errorCode(error) ?? 'error'})`);
      }
    };
    const tlsOptions: { ca?: Buffer; cert?: Buffer; key?: Buffer } = {};
    if (config.tls && caFile) tlsOptions.ca = await readPem(caFile, 'CA file');
    if (config.auth.method === 'cert') {
      tlsOptions.cert = await readPem(config.auth.certFile, 'client certificate');
      tlsOptions.key = await readPem(config.auth.keyFile, 'client key');
    }
    const httpAgent = new HttpAgent({ keepAlive: true });
    const httpsAgent = new HttpsAgent({ keepAlive: true, ...tlsOptions });
    this.#agents.push(httpAgent, httpsAgent);

    const { default: createVault } = await import('node-vault');
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
    // node-vault falls back to process.env for these; the provider's own environment decides here.
    const internals = client as unknown as VaultClientInternals;
    internals.pathPrefix = '';
    internals.namespace = config.namespace ?? this.#env['VAULT_NAMESPACE'] ?? undefined;
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
        const token = this.#env['VAULT_TOKEN'];
        if (!token) {
          throw new SecretProviderError(
            'bad-url',
            `${this.description}: no credentials: add ?token=…, ?role_id=…&secret_id=… (AppRole) or ?certFile=…&keyFile=… (TLS certificate) to the URL, or set VAULT_TOKEN`,
          );
        }
        internals.token = token;
        return;
      }
      case 'approle': {
        const response: unknown = await client
          .approleLogin({ role_id: auth.roleId, secret_id: auth.secretId, ...(auth.mount !== 'approle' ? { mount_point: auth.mount } : {}) })
          .catch((error: unknown) => {
            throw this.#translate(error, `AppRole login at auth/${auth.mount}/login`, true);
          });
        this.#takeToken(response, internals, 'AppRole');
        return;
      }
      case 'cert': {
        const body = auth.role ? { name: auth.role } : {};
        const login = auth.mount === 'cert' ? client.certLogin(body) : client.write(`auth/${auth.mount}/login`, body);
        const response: unknown = await login.catch((error: unknown) => {
          throw this.#translate(error, `TLS certificate login at auth/${auth.mount}/login`, true);
        });
        this.#takeToken(response, internals, 'TLS certificate');
        return;
      }
    }
  }

  #takeToken(response: unknown, internals: VaultClientInternals, what: string): void {
    const token = isPlainObject(response) && isPlainObject(response['auth']) ? response['auth']['client_token'] : undefined;
    if (typeof token !== 'string' || token === '') {
      throw new SecretProviderError('bad-response', `${this.description}: the ${what} login answer holds no auth.client_token`);
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
    let pending = this.#reads.get(path);
    if (!pending) {
      pending = this.#readOnce(session, path);
      const started = pending;
      this.#reads.set(path, started);
      started.catch((error: unknown) => {
        if (this.#reads.get(path) === started && worthRetrying(error)) this.#reads.delete(path);
      });
    }
    return pending;
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
      const detail = vaultErrorText(error);
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
    const kind = networkKind(code);
    if (kind) {
      const hint =
        this.#config.tls && (code === 'EPROTO' || code?.startsWith('ERR_SSL'))
          ? '; if this Vault serves plain HTTP, use hashivault+http://'
          : '';
      return new SecretProviderError(kind, `${this.description}: ${what} failed: ${kind === 'timeout' ? 'timed out' : 'cannot connect'} (${code})${hint}`, {
        cause: safeCause(error),
      });
    }
    return new SecretProviderError('bad-response', `${this.description}: ${what} failed (${code ?? (error instanceof Error ? error.name : 'unknown error')})`, {
      cause: safeCause(error),
    });
  }
}

/**
 * Whether a failed login or read should be tried again by the next lookup. A denial, a bad URL or
 * an unreadable answer will not change within one run: remembering it keeps 200 references from
 * making 200 failing logins (and from tripping lockouts).
 */
function worthRetrying(error: unknown): boolean {
  return !(error instanceof SecretProviderError) || error.retryable || error.kind === 'timeout';
}

function statusOf(error: unknown): number | undefined {
  const response = isPlainObject(error) || error instanceof Error ? (error as { response?: unknown }).response : undefined;
  const status = isPlainObject(response) ? response['statusCode'] : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** Vault's own error text (`{"errors":["permission denied"]}`), short and without any body echo. */
function vaultErrorText(error: unknown): string | undefined {
  const response = (error as { response?: { body?: unknown } }).response;
  const body = response?.body;
  if (!isPlainObject(body) || !Array.isArray(body['errors'])) return undefined;
  const first: unknown = body['errors'][0];
  if (typeof first !== 'string' || first === '') return undefined;
  // Vault wraps multierrors as "1 error occurred:\n\t* permission denied\n\n".
  const line = first.replace(/^\d+ errors? occurred:\s*/, '').replace(/\s*\n\s*\*?\s*/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}
