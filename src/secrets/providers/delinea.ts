/**
 * Delinea (Thycotic) Secret Server (`delinea://<host>[/<path>]?username=…&password=…&folder=…`), over
 * its REST API with HTTPS: the URL grammar, its typed config and the protocol, in this one file.
 *
 * - URL (Strata's Delinea page): `username`, `password` and `folder`, all three required ("all
 *   secrets must be co-located in a single folder"); no other parameter is taken.
 * - Login: `POST /oauth2/token` with `grant_type=password&username=…&password=…` (form-encoded); the
 *   `access_token` is sent as `Authorization: Bearer …`, shared by every request and reused until
 *   shortly before `expires_in`; a 401 logs in again once and repeats the request.
 * - Base path: Secret Server Cloud answers at the host's root; an on-premises install usually lives
 *   under `/SecretServer`, written as the URL's path: `delinea://ss.example.com/SecretServer?…`.
 * - Names: `<secretName.field>`, split at the last dot (slugs hold no dots; secret names may):
 *   `<okta.client-secret>` is the field `client-secret` of the secret named `okta`. As the official
 *   Go SDK (tss-sdk-go `Secret.Field`), the field is matched by its display name or its slug, and the
 *   secret is read whole with `GET /api/v1/secrets/<id>` (once, however many of its fields are
 *   referenced); a file field's attachment comes from `GET /api/v1/secrets/<id>/fields/<slug>`. A
 *   name without a dot names no field: unresolved.
 * - Folder: `folder=\Maverics` or `folder=\Parent\Maverics` (also `/`-separated, leading separator
 *   optional) is found with `GET /api/v1/folders?filter.searchText=<last segment>` and matched by its
 *   path; a single segment may also match a folder name that is unique. Its secrets are listed once
 *   (`GET /api/v1/secrets?filter.folderId=<id>`, every page) and looked up by name (exact, then
 *   case-insensitive when unique).
 * - CA bundle: `NODE_EXTRA_CA_CERTS` from the provider's environment, besides Node's roots.
 */
import { Memo } from '../memo.js';
import { SecretProviderError, type BuiltInProvider } from '../provider.js';
import { SecretValue } from '../../base/secret-value.js';
import { QueryParams, requireHost } from '../url-grammar.js';
import { HttpsTransport, parseJsonBody, safeCode, statusKind, type HttpAnswer } from './https-transport.js';
import { RestProvider } from './rest-provider.js';
import { isPlainObject } from './shared.js';
import { extraCas } from './tls-material.js';
import { TokenCache, usableUntil, type IssuedToken } from './token-cache.js';

export interface DelineaConfig {
  kind: 'delinea';
  host: string;
  /** The install's path (`/SecretServer` on premises), '' at the host's root. */
  basePath: string;
  username: string;
  password: string;
  /** Required: Strata's page says every secret must be co-located in a single folder. */
  folder: string;
}

function parseDelinea(url: URL, description: string): DelineaConfig {
  const params = new QueryParams(url, description, ['username', 'password', 'folder']);
  requireHost(url, description, 'delinea://<host>?username=…&password=…&folder=…');
  const hint = 'delinea:// needs username, password and folder (the one folder that holds every secret)';
  return {
    kind: 'delinea',
    host: url.host,
    basePath: url.pathname,
    username: params.required('username', description, hint),
    password: params.required('password', description, hint),
    folder: params.required('folder', description, hint),
  };
}

export const delinea: BuiltInProvider<DelineaConfig> = {
  schemes: ['delinea'],
  parse: parseDelinea,
  async create(config, { env, description, now }) {
    const cas = await extraCas(env, [], description);
    return new DelineaProvider(config, new HttpsTransport(`https://${config.host}`, config.basePath, { ca: cas }, description), description, now);
  },
};

const LOGIN_TIMEOUT_MS = 30_000;
/** Secret Server's default token lifetime when the answer does not say (20 minutes). */
const DEFAULT_TOKEN_LIFETIME_S = 1200;
/** Records per page when listing the folder's secrets. */
const PAGE_SIZE = 500;
/** A bound on listing pages, so a server that always says `hasNext` cannot loop forever. */
const MAX_PAGES = 200;

interface SecretRecord {
  id: number;
  name: string;
}

/** One item of a secret, as `GET /api/v1/secrets/<id>` lists it (and the Go SDK's SecretField reads it). */
interface SecretField {
  fieldName: string;
  slug: string;
  itemValue: string;
  /** A file attachment, whose content is read from the field endpoint. */
  isFile: boolean;
}

/** `<secretName.fieldSlug>` split at the last dot; undefined when there is no field. */
export function splitDelineaReference(reference: string): { secret: string; slug: string } | undefined {
  const dot = reference.lastIndexOf('.');
  if (dot <= 0 || dot === reference.length - 1) return undefined;
  return { secret: reference.slice(0, dot), slug: reference.slice(dot + 1) };
}

/** `\Parent\Maverics`, `/Parent/Maverics`, `Maverics` → its path segments. */
export function folderSegments(folder: string): string[] {
  return folder.split(/[\\/]+/).filter((s) => s !== '');
}

export class DelineaProvider extends RestProvider<DelineaConfig> {
  readonly #tokens = new TokenCache(() => this.#login(), () => this.now());
  /** The folder's secrets by name, listed once. */
  readonly #index = new Memo<'index', Map<string, SecretRecord[]>>();
  /** Each secret's fields, read once however many of them are referenced. */
  readonly #fields = new Memo<number, SecretField[] | undefined>();

  protected async lookup(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    const ref = splitDelineaReference(key);
    if (!ref) return undefined;
    const candidates = await this.#find(ref.secret);
    const exact = candidates.filter((r) => r.name === ref.secret);
    const folded = exact.length ? exact : candidates.filter((r) => r.name.toLowerCase() === ref.secret.toLowerCase());
    if (folded.length === 0) return undefined;
    if (folded.length > 1) {
      const where = `in the folder ${this.config.folder}`;
      throw new SecretProviderError('bad-response', `${this.description}: ${folded.length} secrets named ${ref.secret} ${where}; rename one so the reference is unambiguous`);
    }
    const secret = folded[0] as SecretRecord;
    const fields = await this.#fields.get(secret.id, () => this.#readSecret(secret, signal));
    if (fields === undefined) return undefined;
    // As the official Go SDK's Secret.Field: a field is matched by its display name or its slug.
    const field = fields.find((f) => f.fieldName === ref.slug || f.slug === ref.slug);
    if (!field) return undefined;
    if (!field.isFile) return new SecretValue(field.itemValue, key);
    // A file field's value is its attachment, read from the field endpoint (as the SDK does).
    const what = `reading the file field ${field.slug} of the secret ${secret.name}`;
    const answer = await this.#authorized({ method: 'GET', path: `/api/v1/secrets/${secret.id}/fields/${encodeURIComponent(field.slug)}`, what }, signal);
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw this.#statusError(answer, what);
    return new SecretValue(answer.body, key);
  }

  /** `GET /api/v1/secrets/<id>`: the secret's items (fields); undefined when it does not exist. */
  async #readSecret(secret: SecretRecord, signal: AbortSignal): Promise<SecretField[] | undefined> {
    const what = `reading the secret ${secret.name}`;
    const answer = await this.#authorized({ method: 'GET', path: `/api/v1/secrets/${secret.id}`, what }, signal);
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw this.#statusError(answer, what);
    const body = parseJsonBody(answer.body);
    const items = isPlainObject(body) ? body['items'] : undefined;
    if (!Array.isArray(items)) throw this.#shapeError(what);
    const fields: SecretField[] = [];
    for (const item of items) {
      if (!isPlainObject(item) || typeof item['slug'] !== 'string') throw this.#shapeError(what);
      fields.push({
        fieldName: typeof item['fieldName'] === 'string' ? item['fieldName'] : '',
        slug: item['slug'],
        itemValue: typeof item['itemValue'] === 'string' ? item['itemValue'] : '',
        isFile: item['isFile'] === true && typeof item['fileAttachmentId'] === 'number' && item['fileAttachmentId'] !== 0 && Boolean(item['filename']),
      });
    }
    return fields;
  }

  /** The secrets of the folder that may be the one named `name`. */
  async #find(name: string): Promise<SecretRecord[]> {
    const index = await this.#index.get('index', () => this.#listFolder());
    return [...(index.get(name.toLowerCase()) ?? [])];
  }

  async #listFolder(): Promise<Map<string, SecretRecord[]>> {
    const folderId = await this.#folderId(this.config.folder);
    const records = await this.#list(`filter.folderId=${folderId}`, `listing the secrets of the folder ${this.config.folder}`);
    const index = new Map<string, SecretRecord[]>();
    for (const record of records) {
      const key = record.name.toLowerCase();
      index.set(key, [...(index.get(key) ?? []), record]);
    }
    return index;
  }

  async #folderId(folder: string): Promise<number> {
    const wanted = folderSegments(folder);
    const leaf = wanted[wanted.length - 1];
    if (!leaf) throw new SecretProviderError('bad-url', `${this.description}: the parameter folder names no folder`);
    const what = `looking up the folder ${folder}`;
    const answer = await this.#authorized({ method: 'GET', path: `/api/v1/folders?filter.searchText=${encodeURIComponent(leaf)}`, what }, longSignal());
    if (answer.status !== 200) throw this.#statusError(answer, what);
    const folders = records(answer.body, (r) => {
      const id = r['id'];
      const name = r['folderName'];
      const path = r['folderPath'];
      return typeof id === 'number' && typeof name === 'string' ? { id, name, path: typeof path === 'string' ? path : '' } : undefined;
    });
    if (!folders) throw this.#shapeError(what);
    const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((s, i) => s.toLowerCase() === b[i]?.toLowerCase());
    const byPath = folders.filter((f) => same(folderSegments(f.path), wanted));
    const matches = byPath.length || wanted.length > 1 ? byPath : folders.filter((f) => f.name.toLowerCase() === leaf.toLowerCase());
    if (matches.length === 1) return (matches[0] as { id: number }).id;
    if (matches.length === 0) {
      throw new SecretProviderError('bad-url', `${this.description}: the folder ${folder} does not exist or ${this.config.username} may not see it`);
    }
    throw new SecretProviderError('bad-url', `${this.description}: ${matches.length} folders are named ${leaf}; give the whole path, e.g. folder=${matches[0]?.path ?? leaf}`);
  }

  /** Every page of `GET /api/v1/secrets?<filter>`. */
  async #list(filter: string, what: string): Promise<SecretRecord[]> {
    const all: SecretRecord[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      // The server may cap `take` below what was asked: the next page starts after what came.
      const answer = await this.#authorized({ method: 'GET', path: `/api/v1/secrets?${filter}&take=${PAGE_SIZE}&skip=${all.length}`, what }, longSignal());
      if (answer.status !== 200) throw this.#statusError(answer, what);
      const body = parseJsonBody(answer.body);
      const found = records(answer.body, (r) => {
        const id = r['id'];
        const name = r['name'];
        return typeof id === 'number' && typeof name === 'string' ? { id, name } : undefined;
      });
      if (!found || !isPlainObject(body)) throw this.#shapeError(what);
      all.push(...found);
      if (body['hasNext'] !== true || found.length === 0) return all;
    }
    throw new SecretProviderError('bad-response', `${this.description}: ${what}: more than ${MAX_PAGES} pages`);
  }

  /** A request with the current token; a 401 logs in again once and repeats it. */
  async #authorized(call: { method: 'GET'; path: string; what: string }, signal: AbortSignal): Promise<HttpAnswer> {
    let token = await this.#tokens.get();
    let answer = await this.#send(call, token, signal);
    if (answer.status === 401) {
      this.#tokens.forget(token);
      token = await this.#tokens.get();
      answer = await this.#send(call, token, signal);
    }
    return answer;
  }

  #send(call: { method: 'GET'; path: string; what: string }, token: IssuedToken, signal: AbortSignal): Promise<HttpAnswer> {
    return this.http.request({ ...call, headers: { authorization: token.header }, signal });
  }

  async #login(): Promise<IssuedToken> {
    if (this.closed) throw new SecretProviderError('unreachable', `${this.description}: the provider is closed`);
    const { username, password } = this.config;
    const what = `logging in as ${username}`;
    const answer = await this.http.request({
      method: 'POST',
      path: '/oauth2/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
      signal: AbortSignal.timeout(LOGIN_TIMEOUT_MS),
      what,
    });
    if (answer.status !== 200) {
      // Secret Server refuses a login with 400 {"error":"Login failed."}: that is a denial.
      const kind = answer.status === 400 ? 'denied' : statusKind(answer.status);
      const hint = kind === 'denied' ? ' (wrong username or password, or the account is locked or may not use the API)' : '';
      throw new SecretProviderError(kind, `${this.description}: ${what} failed: HTTP ${answer.status}${delineaError(answer)}${hint}`);
    }
    const grant = parseJsonBody(answer.body);
    const token = isPlainObject(grant) ? grant['access_token'] : undefined;
    if (typeof token !== 'string' || token === '') throw this.#shapeError(`${what}: the answer holds no access_token`);
    const expiresIn = isPlainObject(grant) && typeof grant['expires_in'] === 'number' ? grant['expires_in'] : DEFAULT_TOKEN_LIFETIME_S;
    return { header: `Bearer ${token}`, usableUntil: usableUntil(expiresIn * 1000, this.now()) };
  }

  #statusError(answer: HttpAnswer, what: string): SecretProviderError {
    const hint = answer.status === 403 ? ` (${this.config.username} may not view it)` : '';
    return new SecretProviderError(statusKind(answer.status), `${this.description}: ${what} failed: HTTP ${answer.status}${delineaError(answer)}${hint}`);
  }

  #shapeError(what: string): SecretProviderError {
    return new SecretProviderError('bad-response', `${this.description}: ${what}: the answer is not what Secret Server sends`);
  }
}

/** Lookups are shared by every reference, so they run under their own deadline, not one caller's. */
function longSignal(): AbortSignal {
  return AbortSignal.timeout(LOGIN_TIMEOUT_MS);
}

/** The `records` array of a paged answer, each record mapped (undefined when the shape is wrong). */
function records<T>(body: string, map: (record: Record<string, unknown>) => T | undefined): T[] | undefined {
  const parsed = parseJsonBody(body);
  const list = isPlainObject(parsed) ? parsed['records'] : undefined;
  if (!Array.isArray(list)) return undefined;
  const out: T[] = [];
  for (const item of list) {
    const mapped = isPlainObject(item) ? map(item) : undefined;
    if (mapped === undefined) return undefined;
    out.push(mapped);
  }
  return out;
}

/** Secret Server's error code (`errorCode`, or OAuth's `error` when it is a code), never its free text. */
function delineaError(answer: HttpAnswer): string {
  const body = parseJsonBody(answer.body);
  if (!isPlainObject(body)) return '';
  const code = safeCode(body['errorCode']) ?? safeCode(body['error']);
  if (code) return ` (${code})`;
  // "Login failed." is Secret Server's fixed text for a refused password grant: safe to quote.
  return body['error'] === 'Login failed.' ? ' (Login failed.)' : '';
}
