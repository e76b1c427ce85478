/**
 * A loopback HTTPS server speaking the parts of Delinea Secret Server's REST API the provider uses,
 * under a base path (`/SecretServer`, as on-premises installs; `''` for the Cloud layout):
 *
 * - `POST /oauth2/token`, form `grant_type=password&username=…&password=…`: 200
 *   `{"access_token","token_type":"bearer","expires_in","refresh_token"}`, or 400 `{"error":"Login failed."}`;
 * - `GET /api/v1/folders?filter.searchText=…`: `{"records":[{"id","folderName","folderPath","parentFolderId"}],…}`;
 * - `GET /api/v1/secrets?filter.folderId=…|filter.searchText=…&take=…&skip=…`: paged
 *   `{"records":[{"id","name","folderId",…}],"skip","take","total","hasNext"}`;
 * - `GET /api/v1/secrets/<id>`: the secret with its `items`
 *   (`[{"itemId","fieldId","fileAttachmentId","fieldName","slug","itemValue","isFile","filename",…}]`),
 *   the shape the official Go SDK (tss-sdk-go server/secret.go, `Secret`/`SecretField`) reads;
 * - `GET /api/v1/secrets/<id>/fields/<slug>`: a file field's attachment, raw (tss-sdk-go downloads
 *   attachments there); other fields as a JSON string (not confirmed by Delinea's public API
 *   reference: see docs/secrets.md, unverified);
 * - with `Authorization: Bearer …`; errors as `{"message","errorCode"}` (401 `API_AuthenticationFailed`
 *   for a missing or expired token, 403 `API_AccessDenied`, 404 `API_ResourceNotFound`).
 *
 * `pageLimit` caps `take` (to exercise paging); `expireTokens()` makes issued tokens fail.
 */
import { jsonReply, LoopbackHttpsServer, type LoggedHttpRequest, type Reply } from './https-loopback.js';
import type { TestPki } from './pki.js';

interface Folder {
  id: number;
  name: string;
  path: string;
  parentId: number;
}

interface Secret {
  id: number;
  name: string;
  folderId: number;
  /** slug → value */
  fields: Map<string, string>;
  /** slug → display name, when it differs from the slug */
  names: Map<string, string>;
  /** slugs of file fields */
  files: Set<string>;
  denied: boolean;
}

export class DelineaTestServer extends LoopbackHttpsServer {
  readonly basePath: string;
  pageLimit = 1000;
  readonly #users = new Map<string, string>();
  readonly #folders: Folder[] = [];
  readonly #secrets: Secret[] = [];
  readonly #tokens = new Set<string>();
  #failLogins: number[] = [];
  #nextId = 100;

  constructor(pki: TestPki, basePath = '/SecretServer') {
    super(pki);
    this.basePath = basePath;
  }

  addUser(username: string, password: string): this {
    this.#users.set(username, password);
    return this;
  }

  /** Creates the folder `\A\B` (and its parents); returns its id. */
  folder(path: string): number {
    let parentId = -1;
    let current = '';
    for (const name of path.split('\\').filter((s) => s !== '')) {
      current = `${current}\\${name}`;
      let found = this.#folders.find((f) => f.path === current);
      if (!found) this.#folders.push((found = { id: ++this.#nextId, name, path: current, parentId }));
      parentId = found.id;
    }
    return parentId;
  }

  put(
    folderPath: string,
    name: string,
    fields: Record<string, string>,
    options: { denied?: boolean; names?: Record<string, string>; files?: string[] } = {},
  ): number {
    const folderId = this.folder(folderPath);
    const id = ++this.#nextId;
    this.#secrets.push({
      id,
      name,
      folderId,
      fields: new Map(Object.entries(fields)),
      names: new Map(Object.entries(options.names ?? {})),
      files: new Set(options.files ?? []),
      denied: options.denied ?? false,
    });
    return id;
  }

  failLogins(count: number, status: number): void {
    for (let i = 0; i < count; i++) this.#failLogins.push(status);
  }

  expireTokens(): void {
    this.#tokens.clear();
  }

  get logins(): number {
    return this.log.filter((r) => r.path.endsWith('/oauth2/token')).length;
  }

  override resetCounters(): void {
    super.resetCounters();
    this.faults.reset();
    this.#failLogins = [];
    this.pageLimit = 1000;
  }

  protected isRead(req: Omit<LoggedHttpRequest, 'read'>): boolean {
    return req.method === 'GET' && /\/api\/v1\/secrets\/\d+(\/fields\/[^/]+)?$/.test(req.path);
  }

  protected errorReply(status: number): Reply {
    if (status === 429) return jsonReply(429, { message: 'Too many requests', errorCode: 'API_TooManyRequests' });
    if (status >= 500) return jsonReply(status, { message: 'An error has occurred.', errorCode: 'API_InternalError' });
    return jsonReply(status, { message: `injected ${status}`, errorCode: 'API_Injected' });
  }

  protected route(req: LoggedHttpRequest, body: string): Reply {
    if (!req.path.startsWith(`${this.basePath}/`)) return jsonReply(404, { message: 'Not found', errorCode: 'API_ResourceNotFound' });
    const path = req.path.slice(this.basePath.length);
    if (req.method === 'POST' && path === '/oauth2/token') return this.#token(body);
    const auth = req.headers['authorization'] ?? '';
    const token = /^Bearer (.+)$/.exec(auth)?.[1];
    if (!token || !this.#tokens.has(token)) {
      return jsonReply(401, { message: 'Authentication failed or has expired.', errorCode: 'API_AuthenticationFailed' });
    }
    if (req.method !== 'GET') return jsonReply(405, { message: 'Method not allowed', errorCode: 'API_MethodNotAllowed' });
    if (path === '/api/v1/folders') {
      const text = (req.query.get('filter.searchText') ?? '').toLowerCase();
      const found = this.#folders.filter((f) => f.name.toLowerCase().includes(text));
      return jsonReply(200, this.#page(found.map((f) => ({ id: f.id, folderName: f.name, folderPath: f.path, parentFolderId: f.parentId, folderTypeId: 1 })), req));
    }
    if (path === '/api/v1/secrets') {
      const folderId = req.query.get('filter.folderId');
      const text = (req.query.get('filter.searchText') ?? '').toLowerCase();
      const found = this.#secrets.filter((s) => (folderId === null || String(s.folderId) === folderId) && s.name.toLowerCase().includes(text));
      return jsonReply(200, this.#page(found.map((s) => ({ id: s.id, name: s.name, folderId: s.folderId, secretTemplateName: 'Generic', active: true })), req));
    }
    const whole = /^\/api\/v1\/secrets\/(\d+)$/.exec(path);
    if (whole) {
      const secret = this.#secrets.find((s) => s.id === Number(whole[1]));
      if (!secret) return jsonReply(404, { message: 'Secret not found.', errorCode: 'API_ResourceNotFound' });
      if (secret.denied) return jsonReply(403, { message: 'Access Denied', errorCode: 'API_AccessDenied' });
      let fieldId = 0;
      const items = [...secret.fields.entries()].map(([slug, value]) => {
        const isFile = secret.files.has(slug);
        fieldId++;
        return {
          itemId: secret.id * 100 + fieldId,
          fieldId,
          fileAttachmentId: isFile ? 9000 + fieldId : null,
          fieldName: secret.names.get(slug) ?? slug,
          slug,
          fieldDescription: '',
          filename: isFile ? `${slug}.pem` : null,
          itemValue: isFile ? '*** Not Valid For Display ***' : value,
          isFile,
          isNotes: false,
          isPassword: slug === 'password',
        };
      });
      return jsonReply(200, { id: secret.id, name: secret.name, folderId: secret.folderId, secretTemplateId: 6003, active: true, items });
    }
    const field = /^\/api\/v1\/secrets\/(\d+)\/fields\/([^/]+)$/.exec(path);
    if (field) {
      const secret = this.#secrets.find((s) => s.id === Number(field[1]));
      if (!secret) return jsonReply(404, { message: 'Secret not found.', errorCode: 'API_ResourceNotFound' });
      if (secret.denied) return jsonReply(403, { message: 'Access Denied', errorCode: 'API_AccessDenied' });
      const slug = decodeURIComponent(field[2] ?? '');
      const value = secret.fields.get(slug);
      if (value === undefined) return jsonReply(404, { message: 'Field not found on this secret.', errorCode: 'API_ResourceNotFound' });
      return secret.files.has(slug) ? { status: 200, body: value, headers: { 'content-type': 'application/octet-stream' } } : jsonReply(200, value);
    }
    return jsonReply(404, { message: 'Not found', errorCode: 'API_ResourceNotFound' });
  }

  #token(body: string): Reply {
    const failure = this.#failLogins.shift();
    if (failure !== undefined) return this.errorReply(failure);
    const form = new URLSearchParams(body);
    const username = form.get('username') ?? '';
    if (form.get('grant_type') !== 'password' || !this.#users.has(username) || this.#users.get(username) !== form.get('password')) {
      return jsonReply(400, { error: 'Login failed.' });
    }
    const token = `tok-${this.#tokens.size + 1}-${Math.random().toString(36).slice(2)}`;
    this.#tokens.add(token);
    return jsonReply(200, { access_token: token, token_type: 'bearer', expires_in: 1199, refresh_token: 'refresh-not-used' });
  }

  #page<T>(all: T[], req: LoggedHttpRequest): { records: T[]; skip: number; take: number; total: number; hasNext: boolean } {
    const skip = Number(req.query.get('skip') ?? 0);
    const take = Math.min(Number(req.query.get('take') ?? 10), this.pageLimit);
    const records = all.slice(skip, skip + take);
    return { records, skip, take, total: all.length, hasNext: skip + take < all.length };
  }
}
