/**
 * A loopback HTTPS server speaking the parts of CyberArk Conjur's REST API the provider uses:
 *
 * - `POST /authn/<account>/<login>/authenticate`, the API key as the body: 200 with the access token
 *   (base64-encoded when the request says `Accept-Encoding: base64`, else its JSON), 401 with an
 *   empty body for a wrong login or key;
 * - `GET /secrets/<account>/variable/<id>` with `Authorization: Token token="<base64>"`: the raw
 *   value; 401 (empty body) for a missing, unknown or expired token; 403 `forbidden` without
 *   execute permission; 404 `not_found` for an unknown or empty variable, with Conjur's error body
 *   `{"error":{"code":…,"message":…}}`;
 * - `GET /secrets?variable_ids=<account>:variable:<id>,…` (the batch read; conjur-api-go
 *   `RetrieveBatchSecretsRequest` sends the ids query-escaped, commas included): 200 with a JSON
 *   object of fully qualified id → value; all-or-nothing, so 404 `not_found` when any variable is
 *   unknown or empty and 403 when any is forbidden (Conjur API docs, "Batch Retrieval").
 *
 * Every route is served under `basePath` too (`/api` for Conjur Cloud, whose appliance URL is
 * `https://<tenant>.secretsmgr.cyberark.cloud/api`).
 *
 * Tokens carry `iat`/`exp` in their payload like Conjur's; `tokenTtlSeconds` shortens them and
 * `revokeTokens()` makes every issued token fail, to exercise the provider's re-login.
 */
import { jsonReply, LoopbackHttpsServer, textReply, type LoggedHttpRequest, type Reply } from './https-loopback.js';

interface Account {
  apiKeys: Map<string, string>;
  variables: Map<string, string | undefined>;
  forbidden: Set<string>;
}

export class ConjurTestServer extends LoopbackHttpsServer {
  /** Lifetime of an issued token (Conjur: 8 minutes). */
  tokenTtlSeconds = 480;
  /** A path prefix every route lives under ('' on premises, '/api' for Conjur Cloud). */
  basePath = '';
  /** The next `n` logins answer with this status (Conjur's error body). */
  #failLogins: number[] = [];
  readonly #accounts = new Map<string, Account>();
  readonly #tokens = new Map<string, { account: string; login: string; exp: number }>();
  #issued = 0;

  addHost(account: string, login: string, apiKey: string): this {
    this.#account(account).apiKeys.set(login, apiKey);
    return this;
  }

  /** Stores a variable; `undefined` is a variable declared in policy that has no value yet. */
  put(account: string, id: string, value: string | undefined): this {
    this.#account(account).variables.set(id, value);
    return this;
  }

  /** Reads of this variable answer 403 (the host may not execute it). */
  forbid(account: string, id: string): this {
    this.#account(account).forbidden.add(id);
    return this;
  }

  revokeTokens(): void {
    this.#tokens.clear();
  }

  failLogins(count: number, status: number): void {
    for (let i = 0; i < count; i++) this.#failLogins.push(status);
  }

  get logins(): number {
    return this.log.filter((r) => r.path.startsWith(`${this.basePath}/authn/`)).length;
  }

  /** An access token's JSON, as an authenticator sidecar writes it to CONJUR_AUTHN_TOKEN_FILE. */
  issueToken(account: string, login: string): string {
    return this.#issue(account, login).text;
  }

  override resetCounters(): void {
    super.resetCounters();
    this.#failLogins = [];
    this.faults.reset();
    this.tokenTtlSeconds = 480;
    this.basePath = '';
  }

  protected isRead(req: Omit<LoggedHttpRequest, 'read'>): boolean {
    return req.method === 'GET' && req.path.startsWith(`${this.basePath}/secrets`);
  }

  protected errorReply(status: number): Reply {
    if (status === 401) return textReply(401, '');
    const code = status === 429 ? 'too_many_requests' : status >= 500 ? 'internal_server_error' : status === 403 ? 'forbidden' : 'unprocessable_entity';
    return jsonReply(status, { error: { code, message: `injected ${status}` } });
  }

  protected route(req: LoggedHttpRequest, body: string): Reply {
    if (!req.path.startsWith(`${this.basePath}/`)) return jsonReply(404, { error: { code: 'not_found', message: 'Route not found' } });
    const path = req.path.slice(this.basePath.length);
    const authn = /^\/authn\/([^/]+)\/([^/]+)\/authenticate$/.exec(path);
    if (authn && req.method === 'POST') return this.#authenticate(decodeURIComponent(authn[1] ?? ''), decodeURIComponent(authn[2] ?? ''), body, req);
    const secret = /^\/secrets\/([^/]+)\/variable\/(.+)$/.exec(path);
    if (secret && req.method === 'GET') return this.#read(decodeURIComponent(secret[1] ?? ''), decodeURIComponent(secret[2] ?? ''), req);
    if (path === '/secrets' && req.method === 'GET') return this.#batch(req);
    return jsonReply(404, { error: { code: 'not_found', message: 'Route not found' } });
  }

  #authenticate(account: string, login: string, apiKey: string, req: LoggedHttpRequest): Reply {
    const failure = this.#failLogins.shift();
    if (failure !== undefined) return this.errorReply(failure);
    if (this.#accounts.get(account)?.apiKeys.get(login) !== apiKey || apiKey === '') return textReply(401, '');
    const { token, encoded } = this.#issue(account, login);
    return req.headers['accept-encoding'] === 'base64' ? textReply(200, encoded) : jsonReply(200, token);
  }

  #issue(account: string, login: string): { token: unknown; text: string; encoded: string } {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + this.tokenTtlSeconds;
    const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = {
      protected: b64url({ alg: 'conjur.org/slosilo/v2', kid: 'test-kid' }),
      payload: b64url({ sub: login, iat, exp, jti: `token-${++this.#issued}` }),
      signature: Buffer.from(`signature-${this.#issued}`).toString('base64url'),
    };
    const text = JSON.stringify(token);
    const encoded = Buffer.from(text).toString('base64');
    this.#tokens.set(encoded, { account, login, exp });
    return { token, text, encoded };
  }

  #batch(req: LoggedHttpRequest): Reply {
    const query = req.query.get('variable_ids') ?? '';
    const values: Record<string, string> = {};
    for (const fullId of query.split(',')) {
      const [account = '', kind, ...rest] = fullId.split(':');
      const id = rest.join(':');
      if (kind !== 'variable' || !id) return jsonReply(422, { error: { code: 'unprocessable_entity', message: 'malformed id' } });
      const reply = this.#read(account, id, req);
      if (reply.status !== 200) return reply;
      values[fullId] = reply.body;
    }
    return jsonReply(200, values);
  }

  #read(account: string, id: string, req: LoggedHttpRequest): Reply {
    const header = req.headers['authorization'] ?? '';
    const token = /^Token token="([^"]+)"$/.exec(header)?.[1];
    const known = token ? this.#tokens.get(token) : undefined;
    if (!known || known.account !== account || known.exp * 1000 <= Date.now()) return textReply(401, '');
    const store = this.#accounts.get(account);
    if (store?.forbidden.has(id)) return jsonReply(403, { error: { code: 'forbidden', message: 'Forbidden' } });
    if (!store?.variables.has(id) || store.variables.get(id) === undefined) {
      return jsonReply(404, {
        error: { code: 'not_found', message: `Variable ${id} is empty or not found.`, target: 'variable', details: { code: 'not_found', target: 'id', message: `${account}:variable:${id}` } },
      });
    }
    return textReply(200, store.variables.get(id) ?? '', 'application/octet-stream');
  }

  #account(name: string): Account {
    let account = this.#accounts.get(name);
    if (!account) this.#accounts.set(name, (account = { apiKeys: new Map(), variables: new Map(), forbidden: new Set() }));
    return account;
  }
}
