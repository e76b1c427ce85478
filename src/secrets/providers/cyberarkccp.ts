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
 * - Errors: CCP answers `{"ErrorCode":"APPAP004E","ErrorMsg":…}`. APPAP004E (404, no object matches
 *   the query, or the provider user may not see it) is unresolved; 401/403 (certificate or AppID not
 *   allowed) are denials; 5xx are retried by the resolver. Only the code is quoted, never `ErrorMsg`.
 * - CA bundle: `caFile`, plus `NODE_EXTRA_CA_CERTS` from the provider's environment.
 */
import { SecretProviderError, type ProviderOptions, type SecretProvider } from '../provider.js';
import { describeProviderUrl, parseProviderUrl, type CyberArkCcpConfig } from '../provider-url.js';
import { SecretValue } from '../secret-value.js';
import { extraCas, HttpsTransport, parseJsonBody, readPem, safeCode, statusKind, type HttpAnswer } from './https-transport.js';
import { RestProvider } from './rest-provider.js';
import { isPlainObject } from './shared.js';

const DEFAULT_WEB_SERVICE = '/AIMWebService';
const NOT_FOUND = 'APPAP004E';

export async function createCyberArkCcpProvider(url: URL, options: ProviderOptions): Promise<SecretProvider> {
  const config = parseProviderUrl(url) as CyberArkCcpConfig;
  const description = describeProviderUrl(url);
  const [cas, cert, key] = await Promise.all([
    extraCas(options.env, [config.caFile], description),
    readPem(config.certFile, 'client certificate', description),
    readPem(config.keyFile, 'client key', description),
  ]);
  const basePath = url.pathname.replace(/\/+$/, '') || DEFAULT_WEB_SERVICE;
  return new CyberArkCcpProvider(config, new HttpsTransport(`https://${config.host}`, basePath, { ca: cas, cert, key }, description), description);
}

export class CyberArkCcpProvider extends RestProvider<CyberArkCcpConfig> {

  protected async lookup(key: string, signal: AbortSignal): Promise<SecretValue | undefined> {
    const { appId, safe, folder, newLineDelim } = this.config;
    const query = new URLSearchParams({ AppID: appId, Safe: safe, ...(folder ? { Folder: folder } : {}), Object: key });
    const what = `fetching the object ${key} from the safe ${safe}${folder ? ` (folder ${folder})` : ''} as AppID ${appId}`;
    const answer = await this.http.request({ method: 'GET', path: `/api/Accounts?${query.toString()}`, signal, what });
    const code = ccpErrorCode(answer);
    if (answer.status === 404 && code === NOT_FOUND) return undefined;
    if (answer.status !== 200) {
      const hint =
        answer.status === 401 || answer.status === 403
          ? ' (the client certificate or AppID is not allowed to fetch from this safe)'
          : answer.status === 404
            ? ` (no CCP web service at this path: is it ${DEFAULT_WEB_SERVICE}?)`
            : '';
      throw new SecretProviderError(statusKind(answer.status), `${this.description}: ${what} failed: HTTP ${answer.status}${code ? ` (${code})` : ''}${hint}`);
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
