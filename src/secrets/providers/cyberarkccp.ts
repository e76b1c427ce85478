/**
 * CyberArk Central Credential Provider (`cyberarkccp://<host>?appID=…&safe=…&certFile=…&keyFile=…
 * [&caFile=…&folder=…&newLineDelim=…]`), its REST call over mutual TLS.
 *
 * - Request: `GET /AIMWebService/api/Accounts?AppID=…&Safe=…[&Folder=…]&Object=<name>` with the client
 *   certificate; the answer's `Content` is the value. A URL path replaces `/AIMWebService` for a web
 *   service installed under another name (`cyberarkccp://ccp.example.com/AIMWebServiceProd?…`).
 * - Names: `<name>` is the account's object name in the safe (and folder, when given).
 * - `newLineDelim`: CCP stores no multi-line passwords, so the Orchestrator replaces this text in a
 *   value with a newline (PEM keys stored as `-----BEGIN…^MIIE…^-----END…`); so do we.
 * - Errors (CyberArk's CCP error table): CCP answers `{"ErrorCode":"APPAP004E","ErrorMsg":…}`.
 *   APPAP004E (404, no object matches the query, or the provider user may not see it) is
 *   unresolved; APPAP306E (403, the application check failed) is a denial, and so is IIS's own HTML
 *   403.7 (the client certificate refused before CCP runs); APPAP282E (500, the CPM is changing the
 *   password) is retried after a longer wait, inside the run's budget; other 5xx are retried by the
 *   resolver. Only the code is quoted, never `ErrorMsg`.
 * - Query values are %20-encoded, never `+`.
 * - CA bundle: `caFile`, plus `NODE_EXTRA_CA_CERTS` from the provider's environment.
 */
import { SecretProviderError, type BuiltInProvider } from '../provider.js';
import { SecretValue } from '../../base/secret-value.js';
import { QueryParams, requireHost } from '../url-grammar.js';
import { HttpsTransport, parseJsonBody, safeCode, statusKind, type HttpAnswer } from './https-transport.js';
import { RestProvider } from './rest-provider.js';
import { isPlainObject } from './shared.js';
import { extraCas, readPem } from './tls-material.js';

export interface CyberArkCcpConfig {
  kind: 'cyberarkccp';
  host: string;
  /** The web service's path, `/AIMWebService` unless the URL names another. */
  basePath: string;
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

const PARAMETERS = ['appID', 'safe', 'certFile', 'keyFile', 'caFile', 'folder', 'newLineDelim'];

function parseCyberArkCcp(url: URL, description: string): CyberArkCcpConfig {
  const params = new QueryParams(url, description, PARAMETERS);
  requireHost(url, description, 'cyberarkccp://<host>?appID=…&safe=…&certFile=…&keyFile=…');
  const hint = 'cyberarkccp:// needs appID, safe, certFile and keyFile';
  const appId = params.required('appID', description, hint);
  const safe = params.required('safe', description, hint);
  const certFile = params.required('certFile', description, hint);
  const keyFile = params.required('keyFile', description, hint);
  const caFile = params.get('caFile');
  const folder = params.get('folder');
  const newLineDelim = params.get('newLineDelim');
  return {
    kind: 'cyberarkccp',
    host: url.host,
    basePath: url.pathname.replace(/\/+$/, '') || DEFAULT_WEB_SERVICE,
    appId,
    safe,
    certFile,
    keyFile,
    ...(caFile ? { caFile } : {}),
    ...(folder ? { folder } : {}),
    ...(newLineDelim ? { newLineDelim } : {}),
  };
}

export const cyberArkCcp: BuiltInProvider<CyberArkCcpConfig> = {
  schemes: ['cyberarkccp'],
  parse: parseCyberArkCcp,
  async create(config, { env, description }) {
    const [cas, cert, key] = await Promise.all([
      extraCas(env, [config.caFile], description),
      readPem(config.certFile, 'client certificate', description),
      readPem(config.keyFile, 'client key', description),
    ]);
    return new CyberArkCcpProvider(config, new HttpsTransport(`https://${config.host}`, config.basePath, { ca: cas, cert, key }, description), description);
  },
};

const DEFAULT_WEB_SERVICE = '/AIMWebService';
const NOT_FOUND = 'APPAP004E';
/** 500: the CPM is changing this password right now; it is worth waiting a little longer for. */
const CPM_CHANGING = 'APPAP282E';
const CPM_RETRY_AFTER_MS = 1000;

export class CyberArkCcpProvider extends RestProvider<CyberArkCcpConfig> {

  protected async lookup(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    const { appId, safe, folder, newLineDelim } = this.config;
    // Every value %20-encoded, never `+` (URLSearchParams' form encoding): CCP reads `+` as itself.
    const query = Object.entries({ AppID: appId, Safe: safe, ...(folder ? { Folder: folder } : {}), Object: key })
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('&');
    const what = `fetching the object ${key} from the safe ${safe}${folder ? ` (folder ${folder})` : ''} as AppID ${appId}`;
    const answer = await this.http.request({ method: 'GET', path: `/api/Accounts?${query}`, signal, what });
    const code = ccpErrorCode(answer);
    if (answer.status === 404 && code === NOT_FOUND) return undefined;
    if (answer.status !== 200) {
      let hint = '';
      if (answer.status === 403 && code === undefined) hint = ' (the web server refused the client certificate before CCP ran: IIS 403.7)';
      else if (answer.status === 401 || answer.status === 403) hint = ' (the client certificate or AppID is not allowed to fetch from this safe)';
      else if (answer.status === 404) hint = ` (no CCP web service at this path: is it ${DEFAULT_WEB_SERVICE}?)`;
      else if (code === CPM_CHANGING) hint = ' (the CPM is changing this password)';
      throw new SecretProviderError(statusKind(answer.status), `${this.description}: ${what} failed: HTTP ${answer.status}${code ? ` (${code})` : ''}${hint}`, {
        ...(code === CPM_CHANGING ? { retryAfterMs: CPM_RETRY_AFTER_MS } : {}),
      });
    }
    const body = parseJsonBody(answer.body);
    const content = isPlainObject(body) ? body['Content'] : undefined;
    if (typeof content !== 'string') {
      throw new SecretProviderError('bad-response', `${this.description}: ${what}: the answer is not CCP JSON with a Content field`);
    }
    return new SecretValue(newLineDelim ? content.split(newLineDelim).join('\n') : content, key);
  }
}

function ccpErrorCode(answer: HttpAnswer): string | undefined {
  const body = parseJsonBody(answer.body);
  // CCP's codes: APPAP004E, AIMWS030E, …
  return isPlainObject(body) ? safeCode(body['ErrorCode'], /^[A-Z]{2,8}\d{3}[A-Z]$/) : undefined;
}
