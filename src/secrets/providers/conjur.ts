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
 *   percent-encoded whole, its slashes included): `<maverics/db/password>`. 404 is "no such
 *   variable, or it has no value yet": unresolved.
 * - TLS: Conjur serves HTTPS only. Its CA (often self-signed) comes from `CONJUR_CERT_FILE` or
 *   `CONJUR_SSL_CERTIFICATE` (PEM text), the Conjur clients' own settings, or `NODE_EXTRA_CA_CERTS`,
 *   all read from the provider's environment.
 * - A failed login is remembered for the run unless it is worth retrying (throttling, 5xx, timeout):
 *   200 references must not make 200 failing logins (token-cache.ts).
 */
import { SecretProviderError, type BuiltInProvider } from '../provider.js';
import { SecretValue } from '../secret-value.js';
import { badUrl, pathSegments, QueryParams, requireHost } from '../url-grammar.js';
import { HttpsTransport, parseJsonBody, safeCode, statusKind, type HttpAnswer } from './https-transport.js';
import { RestProvider } from './rest-provider.js';
import { isPlainObject } from './shared.js';
import { extraCas } from './tls-material.js';
import { TokenCache, usableUntil, type IssuedToken } from './token-cache.js';

/** What the URL gives; what it leaves out comes from the Conjur environment variables. */
export interface ConjurUrlConfig {
  kind: 'conjur';
  host: string;
  account?: string;
  /** Percent-decoded: `host%2Fmaverics` in the URL is the login `host/maverics`. */
  login?: string;
  apiKey?: string;
}

export interface ConjurConfig {
  host: string;
  account: string;
  login: string;
  apiKey: string;
}

function parseConjur(url: URL, description: string): ConjurUrlConfig {
  const params = new QueryParams(url, description, ['apikey'], { apiKey: 'apikey', api_key: 'apikey' });
  requireHost(url, description, 'conjur://<host>/<account>/<login>?apikey=…, or conjur://<host> with CONJUR_ACCOUNT, CONJUR_AUTHN_LOGIN and CONJUR_AUTHN_API_KEY set');
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

export const conjur: BuiltInProvider<ConjurUrlConfig> = {
  schemes: ['conjur'],
  parse: parseConjur,
  async create(config, { env, description, now }) {
    const fromEnv = (value: string | undefined, variable: string, what: string): string => {
      const found = value ?? env[variable];
      if (!found) throw badUrl(description, `the ${what} is missing: give it in the URL or set ${variable}`);
      return found;
    };
    const complete: ConjurConfig = {
      host: config.host,
      account: fromEnv(config.account, 'CONJUR_ACCOUNT', 'account'),
      login: fromEnv(config.login, 'CONJUR_AUTHN_LOGIN', 'login'),
      apiKey: fromEnv(config.apiKey, 'CONJUR_AUTHN_API_KEY', 'parameter apikey'),
    };
    const cas = await extraCas(env, [env['CONJUR_CERT_FILE']], description);
    const inline = env['CONJUR_SSL_CERTIFICATE'];
    if (inline) cas.push(Buffer.from(inline));
    return new ConjurProvider(complete, new HttpsTransport(`https://${config.host}`, '', { ca: cas }, description), description, now);
  },
};

/** Conjur's documented token lifetime. */
const TOKEN_LIFETIME_MS = 8 * 60_000;
const LOGIN_TIMEOUT_MS = 30_000;

export class ConjurProvider extends RestProvider<ConjurConfig> {
  readonly #tokens = new TokenCache(() => this.#authenticate(), () => this.now());

  protected async lookup(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    let token = await this.#tokens.get();
    let answer = await this.#read(key, token, signal);
    if (answer.status === 401) {
      // Expired early or revoked: log in again once (unless another read already did).
      this.#tokens.forget(token);
      token = await this.#tokens.get();
      answer = await this.#read(key, token, signal);
    }
    if (answer.status === 200) return new SecretValue(answer.body, key);
    if (answer.status === 404) return undefined;
    const hint = answer.status === 403 ? ` (${this.config.login} may not execute the variable ${key})` : answer.status === 401 ? ' (the new token was refused too)' : '';
    throw new SecretProviderError(statusKind(answer.status), `${this.description}: reading the variable ${key} failed: HTTP ${answer.status}${conjurError(answer)}${hint}`);
  }

  #read(key: string, token: IssuedToken, signal: AbortSignal): Promise<HttpAnswer> {
    const { account } = this.config;
    return this.http.request({
      method: 'GET',
      path: `/secrets/${encodeURIComponent(account)}/variable/${encodeURIComponent(key)}`,
      headers: { authorization: token.header, accept: '*/*' },
      signal,
      what: `reading the variable ${key}`,
    });
  }

  async #authenticate(): Promise<IssuedToken> {
    if (this.closed) throw new SecretProviderError('unreachable', `${this.description}: the provider is closed`);
    const { account, login, apiKey } = this.config;
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
    const now = this.now();
    return { header: `Token token="${token}"`, usableUntil: usableUntil(tokenExpiry(token, now) - now, now) };
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
