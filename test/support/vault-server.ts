/**
 * A loopback server speaking the parts of Vault's HTTP API the provider uses, for tests and
 * benchmarks, driven by the real node-vault client. Each route follows Vault's API docs
 * (developer.hashicorp.com/vault/api-docs):
 *
 * - every request: `X-Vault-Token` (API docs "Authentication"), `X-Vault-Namespace` (API docs
 *   "Namespaces"); error bodies `{"errors":[…]}` (API docs "HTTP Status Codes": 400, 403 permission
 *   denied, 404 with an empty `errors` list for a missing secret, 412, 429, 5xx);
 * - `POST /v1/auth/approle/login` (api-docs/auth/approle "Login With AppRole"): 200 with
 *   `auth.client_token`, `auth.num_uses`; 400 `invalid role or secret ID`;
 * - `POST /v1/auth/cert/login` (api-docs/auth/cert "Login with TLS Certificate Method"), over mutual
 *   TLS: 400 `invalid certificate or no client certificate supplied` without a trusted certificate;
 * - `GET /v1/sys/internal/ui/mounts/<path>` (the mount preflight the Vault CLI's `kv` commands make,
 *   vault/command/kv_helpers.go `kvPreflightVersionRequest`): `data.path`, `data.options.version`;
 *   404 on a Vault older than 0.10 (`oldVault`);
 * - KV v1 reads `GET /v1/<mount>/<path>` (api-docs/secret/kv/kv-v1): `data`; KV v2 reads
 *   `GET /v1/<mount>/data/<path>` (api-docs/secret/kv/kv-v2 "Read Secret Version"): `data.data`
 *   and `data.metadata`;
 *
 * plus latency and fault injection (including a dropped connection) and a request counter.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { delay, FaultPlan, GARBAGE_BODY } from './faults.js';

export interface VaultServerOptions {
  /** Serve HTTPS with this key pair; client certificates signed by `ca` may log in with cert auth. */
  tls?: { key: Buffer; cert: Buffer; ca: Buffer };
}

interface Mount {
  version: 1 | 2;
  secrets: Map<string, Record<string, unknown>>;
}

export interface LoggedRequest {
  method: string;
  path: string;
  namespace: string | undefined;
  hadToken: boolean;
}

export class VaultTestServer {
  readonly faults = new FaultPlan();
  /** Every request, in arrival order. */
  readonly log: LoggedRequest[] = [];
  /** Requests in flight right now, and the most seen at once. */
  inFlight = 0;
  maxInFlight = 0;
  /** Answer the preflight with 404, like a Vault older than 0.10. */
  oldVault = false;
  /**
   * Refuse a request without `X-Vault-Request: true` with 412, as a Vault whose listener requires
   * the header does (the header the Vault CLI and api client always send: vault/api/client.go sets
   * it on every request). The status and text are not confirmed by a public document: see
   * docs/secrets.md, unverified.
   */
  requireRequestHeader = false;
  /** Put the request's X-Vault-Token into error texts: a hostile or misconfigured proxy's echo. */
  echoHeaders = false;
  /** `auth.num_uses` of issued tokens (Vault API docs, AppRole login response); 0 is unlimited. */
  tokenNumUses = 0;
  url = '';
  port = 0;

  readonly #server: Server;
  /** namespace ('' for root) → mount path (no slashes) → mount */
  readonly #mounts = new Map<string, Map<string, Mount>>();
  readonly #tokens = new Set<string>();
  readonly #approles = new Map<string, string>();
  readonly #denied = new Set<string>();
  #issued = 0;

  constructor(options: VaultServerOptions = {}) {
    const handler = (req: IncomingMessage, res: ServerResponse): void => {
      void this.#handle(req, res);
    };
    this.#server = options.tls
      ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert, ca: options.tls.ca, requestCert: true, rejectUnauthorized: false }, handler)
      : createHttpServer(handler);
  }

  get requests(): number {
    return this.log.length;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
    this.url = `127.0.0.1:${this.port}`;
    return this;
  }

  async stop(): Promise<void> {
    // Keep-alive connections would hold close() open; the clients are done with them.
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  addToken(token: string): this {
    this.#tokens.add(token);
    return this;
  }

  addAppRole(roleId: string, secretId: string): this {
    this.#approles.set(roleId, secretId);
    return this;
  }

  mount(path: string, version: 1 | 2, namespace = ''): this {
    let mounts = this.#mounts.get(namespace);
    if (!mounts) this.#mounts.set(namespace, (mounts = new Map()));
    mounts.set(trim(path), { version, secrets: new Map() });
    return this;
  }

  /** Stores a secret at `<mount>/<path>` (the logical path, without `data/` for v2). */
  put(mount: string, path: string, data: Record<string, unknown>, namespace = ''): this {
    const m = this.#mounts.get(namespace)?.get(trim(mount));
    if (!m) throw new Error(`no mount ${mount} in namespace '${namespace}'`);
    m.secrets.set(trim(path), data);
    return this;
  }

  /** Reads of this API path (as requested, e.g. `secret/data/app`) answer 403. */
  deny(apiPath: string): this {
    this.#denied.add(trim(apiPath));
    return this;
  }

  resetCounters(): void {
    this.log.length = 0;
    this.maxInFlight = 0;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://vault');
    const namespace = header(req, 'x-vault-namespace');
    const token = header(req, 'x-vault-token');
    this.log.push({ method: req.method ?? 'GET', path: url.pathname, namespace, hadToken: token !== undefined });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const body = await readBody(req);
      await delay(this.faults.delayMs);
      const fault = this.faults.take();
      // A kept-alive connection closed by the far end under a request: the client sees ECONNRESET.
      if (fault?.kind === 'drop') return void req.socket.destroy();
      if (fault?.kind === 'garbage') return send(res, 200, GARBAGE_BODY, 'text/html');
      if (this.requireRequestHeader && header(req, 'x-vault-request') !== 'true') {
        return json(res, 412, { errors: ['missing required X-Vault-Request header'] });
      }
      const echo = this.echoHeaders ? ` (request headers: X-Vault-Token=${token ?? ''})` : '';
      if (fault?.kind === 'fail') {
        const status = fault.failure.status;
        return send(res, status, fault.failure.body ?? JSON.stringify({ errors: [`${status >= 500 ? 'internal error' : 'permission denied'}${echo}`] }));
      }
      this.#route(req, res, url.pathname, body, trim(namespace ?? ''), token);
    } finally {
      this.inFlight--;
    }
  }

  #route(req: IncomingMessage, res: ServerResponse, pathname: string, body: string, namespace: string, token: string | undefined): void {
    if (!pathname.startsWith('/v1/')) return json(res, 404, { errors: [] });
    const path = trim(pathname.slice('/v1/'.length));
    const method = req.method ?? 'GET';

    if (method === 'POST' && path === 'auth/approle/login') {
      const args = parseJson(body);
      const roleId = typeof args['role_id'] === 'string' ? args['role_id'] : '';
      if (!this.#approles.has(roleId) || this.#approles.get(roleId) !== args['secret_id']) {
        return json(res, 400, { errors: ['invalid role or secret ID'] });
      }
      return json(res, 200, this.#issue('approle'));
    }
    if (method === 'POST' && path === 'auth/cert/login') {
      const socket = req.socket as Partial<TLSSocket>;
      if (!socket.encrypted || !socket.authorized) {
        return json(res, 400, { errors: ['invalid certificate or no client certificate supplied'] });
      }
      return json(res, 200, this.#issue('cert'));
    }
    if (method !== 'GET') return json(res, 405, { errors: ['unsupported operation'] });
    if (!token || !this.#tokens.has(token)) return json(res, 403, { errors: ['permission denied'] });

    const mounts = this.#mounts.get(namespace) ?? new Map<string, Mount>();
    if (path.startsWith('sys/internal/ui/mounts/')) {
      if (this.oldVault) return json(res, 404, { errors: [] });
      const target = path.slice('sys/internal/ui/mounts/'.length);
      const found = findMount(mounts, target);
      if (!found) return json(res, 403, { errors: ['permission denied'] });
      return json(res, 200, {
        request_id: 'preflight',
        data: { path: `${found.name}/`, type: 'kv', options: found.mount.version === 2 ? { version: '2' } : {} },
      });
    }
    if (this.#denied.has(path)) return json(res, 403, { errors: ['permission denied'] });
    const found = findMount(mounts, path);
    if (!found) return json(res, 404, { errors: [`no handler for route "${path}". route entry not found.`] });
    const rest = trim(path.slice(found.name.length));
    if (found.mount.version === 2) {
      if (!rest.startsWith('data/')) return json(res, 404, { errors: [] });
      const secret = found.mount.secrets.get(rest.slice('data/'.length));
      if (!secret) return json(res, 404, { errors: [] });
      return json(res, 200, {
        request_id: 'read',
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: { data: secret, metadata: { created_time: '2026-01-01T00:00:00Z', deletion_time: '', destroyed: false, version: 1 } },
      });
    }
    const secret = found.mount.secrets.get(rest);
    if (!secret) return json(res, 404, { errors: [] });
    return json(res, 200, { request_id: 'read', lease_id: '', renewable: false, lease_duration: 2764800, data: secret });
  }

  #issue(method: string): unknown {
    const token = `s.issued-${method}-${++this.#issued}`;
    this.#tokens.add(token);
    return { auth: { client_token: token, policies: ['default'], lease_duration: 3600, renewable: true, num_uses: this.tokenNumUses } };
  }
}

function findMount(mounts: Map<string, Mount>, path: string): { name: string; mount: Mount } | undefined {
  let best: { name: string; mount: Mount } | undefined;
  for (const [name, mount] of mounts) {
    if ((path === name || path.startsWith(`${name}/`)) && (!best || name.length > best.name.length)) best = { name, mount };
  }
  return best;
}

function trim(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body));
}
