/**
 * CyberArk Conjur (`conjur://<host>/<account>/<login>?apikey=…`, or `conjur://<host>` with the
 * credentials from the Conjur environment variables), over its REST API with HTTPS: the URL grammar,
 * its typed config and the protocol, in this one file.
 *
 * - URL (Strata's Conjur page): account and login as path segments, `apikey` the only parameter;
 *   each falls back to `CONJUR_ACCOUNT`, `CONJUR_AUTHN_LOGIN`, `CONJUR_AUTHN_API_KEY` from the
 *   provider's environment (the Conjur clients' own settings).
 *
 * - Login: `POST /authn/<account>/<login>/authenticate` with the API key as the body and
 *   `Accept-Encoding: base64`; the answer is the access token, base64-encoded, sent as
 *   `Authorization: Token token="<base64>"`. The login is percent-encoded as one path segment
 *   (`host/maverics` → `host%2Fmaverics`).
 * - The token is short-lived (8 minutes): it is shared by every read and reused until shortly
 *   before it expires (its own `exp` when it carries one); a 401 on a read means it expired early or
 *   was revoked, so the provider logs in again once and repeats that read.
 * - Names: `<id>` is the variable id, read with `GET /secrets/<account>/variable/<id>` (the id
 *   percent-encoded whole, its slashes included): `<maverics/db/password>`. A fully qualified
 *   `<account:variable:id>` of this account is split, as conjur-api-go's `makeFullID` does. 404 is
 *   "no such variable, or it has no value yet": unresolved.
 * - Batch: every key of the run is first asked in one `GET /secrets?variable_ids=…` (prefetch);
 *   Conjur answers it all-or-nothing, so when it fails each key is read on its own.
 * - Where: the URL's host, else `CONJUR_APPLIANCE_URL`; Conjur Cloud (`*.secretsmgr.cyberark.cloud`)
 *   under `/api`. Credentials: `CONJUR_AUTHN_TOKEN_FILE` (a token an authenticator keeps fresh,
 *   Kubernetes) when the URL and environment give no login and API key.
 * - TLS: Conjur serves HTTPS only. Its CA (often self-signed) comes from `CONJUR_CERT_FILE` or
 *   `CONJUR_SSL_CERTIFICATE` (PEM text), the Conjur clients' own settings, or `NODE_EXTRA_CA_CERTS`,
 *   all read from the provider's environment.
 * - A failed login is remembered for the run unless it is worth retrying (throttling, 5xx, timeout):
 *   200 references must not make 200 failing logins (token-cache.ts).
 */
import { SecretProviderError, type BuiltInProvider, type ProviderContext } from '../provider.js';
import { SecretValue } from '../../base/secret-value.js';
import { badUrl, pathSegments, QueryParams } from '../url-grammar.js';
import { HttpsTransport, parseJsonBody, safeCode, statusKind, type HttpAnswer } from './https-transport.js';
import { RestProvider } from './rest-provider.js';
import { isPlainObject } from './shared.js';
import { extraCas, readPem } from './tls-material.js';
import { TokenCache, usableUntil, type IssuedToken } from './token-cache.js';

/** What the URL gives; what it leaves out comes from the Conjur environment variables. */
export interface ConjurUrlConfig {
  kind: 'conjur';
  /** '' when the URL names no host: then `CONJUR_APPLIANCE_URL`. */
  host: string;
  account?: string;
  /** Percent-decoded: `host%2Fmaverics` in the URL is the login `host/maverics`. */
  login?: string;
  apiKey?: string;
}

/** How the provider gets its access token. */
export type ConjurCredential = { method: 'apikey'; login: string; apiKey: string } | { method: 'token-file'; file: string };

export interface ConjurConfig {
  account: string;
  credential: ConjurCredential;
}

function parseConjur(url: URL, description: string): ConjurUrlConfig {
  const params = new QueryParams(url, description, ['apikey'], { apiKey: 'apikey', api_key: 'apikey' });
  const segments = pathSegments(url, description);
  if (segments.length === 1) {
    throw badUrl(description, 'the login is missing after the account (expected conjur://<host>/<account>/<login>?apikey=…, with a host login written host%2F<id>)');
  }
  const [account, ...rest] = segments;
  // A login written with a literal `/` (host/app) instead of %2F is accepted as the same login.
  const login = rest.join('/');
  const apiKey = params.get('apikey');
  return { kind: 'conjur', host: url.host, ...(account ? { account } : {}), ...(login ? { login } : {}), ...(apiKey ? { apiKey } : {}) };
}

/**
 * Where Conjur answers: the URL's host, else `CONJUR_APPLIANCE_URL`. Conjur Cloud
 * (`*.secretsmgr.cyberark.cloud`) serves its API under `/api`, which the official clients add
 * (CyberArk's Conjur Cloud docs write the appliance URL as `https://<tenant>.secretsmgr.cyberark.cloud/api`).
 */
export function conjurEndpoint(host: string, env: ProviderContext['env'], description: string): { origin: string; basePath: string } {
  let origin: string;
  let basePath: string;
  if (host) {
    origin = `https://${host}`;
    basePath = '';
  } else {
    const appliance = env['CONJUR_APPLIANCE_URL'];
    if (!appliance) throw badUrl(description, 'the host is missing: give it in the URL (conjur://conjur.example.com/…) or set CONJUR_APPLIANCE_URL');
    let url: URL;
    try {
      url = new URL(appliance);
    } catch {
      throw badUrl(description, 'CONJUR_APPLIANCE_URL is not a URL (expected https://conjur.example.com)');
    }
    origin = url.origin;
    basePath = url.pathname.replace(/\/+$/, '');
  }
  if (new URL(origin).hostname.endsWith('.secretsmgr.cyberark.cloud') && basePath === '') basePath = '/api';
  return { origin, basePath };
}

export const conjur: BuiltInProvider<ConjurUrlConfig> = {
  schemes: ['conjur'],
  parse: parseConjur,
  async create(config, { env, description, now }) {
    const account = config.account ?? env['CONJUR_ACCOUNT'];
    if (!account) throw badUrl(description, 'the account is missing: give it in the URL or set CONJUR_ACCOUNT');
    const login = config.login ?? env['CONJUR_AUTHN_LOGIN'];
    const apiKey = config.apiKey ?? env['CONJUR_AUTHN_API_KEY'];
    const tokenFile = env['CONJUR_AUTHN_TOKEN_FILE'];
    let credential: ConjurCredential;
    if (login && apiKey) credential = { method: 'apikey', login, apiKey };
    else if (!config.login && !config.apiKey && tokenFile) credential = { method: 'token-file', file: tokenFile };
    else if (!login) throw badUrl(description, 'the login is missing: give it in the URL or set CONJUR_AUTHN_LOGIN');
    else throw badUrl(description, 'the parameter apikey is missing: give it in the URL or set CONJUR_AUTHN_API_KEY (or CONJUR_AUTHN_TOKEN_FILE)');
    const { origin, basePath } = conjurEndpoint(config.host, env, description);
    const cas = await extraCas(env, [env['CONJUR_CERT_FILE']], description);
    const inline = env['CONJUR_SSL_CERTIFICATE'];
    if (inline) cas.push(Buffer.from(inline));
    return new ConjurProvider({ account, credential }, new HttpsTransport(origin, basePath, { ca: cas }, description), description, now);
  },
};

/**
 * A reference's variable id, as the official Go client reads it (conjur-api-go `makeFullID`): an id
 * `<account>:variable:<id>` of this account is fully qualified and taken apart; any other id (colons
 * included) is the identifier itself.
 */
export function variableId(account: string, reference: string): string {
  const [first, second, ...rest] = reference.split(':');
  return first === account && second === 'variable' && rest.length ? rest.join(':') : reference;
}

/** Conjur's documented token lifetime. */
const TOKEN_LIFETIME_MS = 8 * 60_000;
const LOGIN_TIMEOUT_MS = 30_000;

export class ConjurProvider extends RestProvider<ConjurConfig> {
  readonly #tokens = new TokenCache(() => this.#authenticate(), () => this.now());
  /** Values from the batch read, by variable id. */
  readonly #batch = new Map<string, string>();

  /**
   * One `GET /secrets?variable_ids=<account>:variable:<id>,…` for every key (conjur-api-go
   * `RetrieveBatchSecretsRequest`). Conjur answers it all-or-nothing (404 when any variable is
   * missing or empty, 403 when any is forbidden): then each key is read on its own.
   */
  async prefetch(keys: readonly string[], signal: AbortSignal): Promise<void> {
    const { account } = this.config;
    const ids = [...new Set(keys.map((key) => variableId(account, key)))];
    if (ids.length < 2) return;
    const full = ids.map((id) => `${account}:variable:${id}`);
    const answer = await this.#authorized(
      (token) =>
        this.http.request({
          method: 'GET',
          path: `/secrets?variable_ids=${encodeURIComponent(full.join(','))}`,
          headers: { authorization: token.header },
          signal,
          what: `reading ${ids.length} variables at once`,
        }),
    );
    if (answer.status !== 200) return;
    const values = parseJsonBody(answer.body);
    if (!isPlainObject(values)) return;
    full.forEach((fullId, i) => {
      const value = values[fullId];
      if (typeof value === 'string') this.#batch.set(ids[i] ?? '', value);
    });
  }

  protected async lookup(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    const id = variableId(this.config.account, key);
    const batched = this.#batch.get(id);
    if (batched !== undefined) return new SecretValue(batched, key);
    const answer = await this.#authorized((token) => this.#read(id, token, signal));
    if (answer.status === 200) return new SecretValue(answer.body, key);
    if (answer.status === 404) return undefined;
    const who = this.config.credential.method === 'apikey' ? this.config.credential.login : 'this identity';
    const hint = answer.status === 403 ? ` (${who} may not execute the variable ${id})` : answer.status === 401 ? ' (the new token was refused too)' : '';
    throw new SecretProviderError(statusKind(answer.status), `${this.description}: reading the variable ${id} failed: HTTP ${answer.status}${conjurError(answer)}${hint}`);
  }

  /** A request with the current token; a 401 (expired early or revoked) gets a new token and is repeated once. */
  async #authorized(send: (token: IssuedToken) => Promise<HttpAnswer>): Promise<HttpAnswer> {
    let token = await this.#tokens.get();
    let answer = await send(token);
    if (answer.status === 401) {
      this.#tokens.forget(token);
      token = await this.#tokens.get();
      answer = await send(token);
    }
    return answer;
  }

  #read(id: string, token: IssuedToken, signal: AbortSignal): Promise<HttpAnswer> {
    const { account } = this.config;
    return this.http.request({
      method: 'GET',
      path: `/secrets/${encodeURIComponent(account)}/variable/${encodeURIComponent(id)}`,
      headers: { authorization: token.header, accept: '*/*' },
      signal,
      what: `reading the variable ${id}`,
    });
  }

  async #authenticate(): Promise<IssuedToken> {
    if (this.closed) throw new SecretProviderError('unreachable', `${this.description}: the provider is closed`);
    const { account, credential } = this.config;
    if (credential.method === 'token-file') return this.#tokenFromFile(credential.file);
    const { login, apiKey } = credential;
    const what = `authenticating as ${login} in account ${account}`;
    const answer = await this.http.request({
      method: 'POST',
      path: `/authn/${encodeURIComponent(account)}/${encodeURIComponent(login)}/authenticate`,
      headers: { 'content-type': 'text/plain', 'accept-encoding': 'base64', accept: '*/*' },
      body: apiKey,
      signal: AbortSignal.timeout(LOGIN_TIMEOUT_MS),
      what,
    });
    if (answer.status !== 200) {
      const hint = answer.status === 401 ? ' (wrong login or API key, or the account does not exist)' : '';
      throw new SecretProviderError(statusKind(answer.status), `${this.description}: ${what} failed: HTTP ${answer.status}${conjurError(answer)}${hint}`);
    }
    const token = answer.body.trim();
    if (!/^[A-Za-z0-9+/=]+$/.test(token)) {
      throw new SecretProviderError('bad-response', `${this.description}: ${what}: the answer is not a base64 access token`);
    }
    return this.#issued(token);
  }

  #issued(base64Token: string): IssuedToken {
    const now = this.now();
    return { header: `Token token="${base64Token}"`, usableUntil: usableUntil(tokenExpiry(base64Token, now) - now, now) };
  }

  /**
   * The access token a Conjur authenticator (the Kubernetes sidecar) keeps in CONJUR_AUTHN_TOKEN_FILE,
   * as its JSON; read again whenever the previous one is refused or near expiry.
   */
  async #tokenFromFile(file: string): Promise<IssuedToken> {
    const text = (await readPem(file, 'access token file (CONJUR_AUTHN_TOKEN_FILE)', this.description)).toString('utf8').trim();
    if (!text) throw new SecretProviderError('bad-response', `${this.description}: the access token file ${file} is empty`);
    return this.#issued(Buffer.from(text).toString('base64'));
  }
}

/** The token's own expiry (`exp` in its payload) when it carries one; else Conjur's 8 minutes. */
function tokenExpiry(base64Token: string, now: number): number {
  const fallback = now + TOKEN_LIFETIME_MS;
  const outer = parseJsonBody(Buffer.from(base64Token, 'base64').toString('utf8'));
  if (!isPlainObject(outer) || typeof outer['payload'] !== 'string') return fallback;
  const payload = parseJsonBody(Buffer.from(outer['payload'], 'base64url').toString('utf8'));
  const exp = isPlainObject(payload) ? payload['exp'] : undefined;
  return typeof exp === 'number' && Number.isFinite(exp) ? Math.min(exp * 1000, fallback) : fallback;
}

/** Conjur's error code from `{"error":{"code":"not_found","message":…}}`, quoted by code only. */
function conjurError(answer: HttpAnswer): string {
  const body = parseJsonBody(answer.body);
  const error = isPlainObject(body) ? body['error'] : undefined;
  const code = isPlainObject(error) ? safeCode(error['code']) : undefined;
  return code ? ` (${code})` : '';
}
