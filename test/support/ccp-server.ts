/**
 * A loopback HTTPS server speaking CyberArk CCP's REST call (CyberArk docs, "Central Credential
 * Provider REST API: Get Password"), `GET /AIMWebService/api/Accounts?AppID=…&Safe=…[&Folder=…]&Object=…`,
 * over mutual TLS:
 *
 * - a client certificate IIS does not accept is refused by IIS itself, before CCP runs: an HTML
 *   "403.7 - Forbidden: Client certificate required" page, no CCP error body (IIS status codes docs);
 * - an unknown AppID fails the application check: 403 `APPAP306E` (CyberArk's CCP error table);
 * - an object that does not match is 404 `APPAP004E`;
 * - an object whose password the CPM is changing right now is 500 `APPAP282E` (CyberArk's error
 *   table: "password is being changed by the CPM"), until the change ends (`changing`);
 * - a match answers `{"Content":…,"UserName":…,"Address":…,"Name":…,"Safe":…,"Folder":…,…}`.
 *
 * Query parameter names are case-insensitive, as on IIS; values are percent-decoded and a `+` is
 * kept as a `+` (not read as a space: unverified, see docs/secrets.md). Latency and fault injection,
 * request counters.
 */
import { jsonReply, LoopbackHttpsServer, type LoggedHttpRequest, type Reply } from './https-loopback.js';
import type { TestPki } from './pki.js';

interface Account {
  safe: string;
  folder: string;
  name: string;
  content: string;
  userName: string;
}

export class CcpTestServer extends LoopbackHttpsServer {
  readonly webService: string;
  readonly #apps = new Set<string>();
  readonly #accounts: Account[] = [];
  /** Reads of these object names answer APPAP282E this many more times (a CPM change in progress). */
  readonly changing = new Map<string, number>();

  constructor(pki: TestPki, webService = '/AIMWebService') {
    super(pki);
    this.webService = webService;
  }

  allowApp(appId: string): this {
    this.#apps.add(appId);
    return this;
  }

  put(safe: string, name: string, content: string, folder = 'Root', userName = 'svc-user'): this {
    this.#accounts.push({ safe, folder, name, content, userName });
    return this;
  }

  override resetCounters(): void {
    super.resetCounters();
    this.faults.reset();
    this.changing.clear();
  }

  protected isRead(req: Omit<LoggedHttpRequest, 'read'>): boolean {
    return req.method === 'GET' && req.path.endsWith('/api/Accounts');
  }

  protected errorReply(status: number): Reply {
    if (status >= 500) return jsonReply(status, { ErrorCode: 'APPAP999E', ErrorMsg: 'Internal error (injected)' });
    return jsonReply(status, { ErrorCode: 'AIMWS000E', ErrorMsg: `Injected ${status}` });
  }

  protected route(req: LoggedHttpRequest): Reply {
    if (req.method !== 'GET' || req.path !== `${this.webService}/api/Accounts`) {
      return { status: 404, body: '<html><body><h2>404 - File or directory not found.</h2></body></html>', headers: { 'content-type': 'text/html' } };
    }
    const q = (name: string): string | undefined => {
      for (const part of req.rawQuery.replace(/^\?/, '').split('&')) {
        const eq = part.indexOf('=');
        if (eq > 0 && part.slice(0, eq).toLowerCase() === name.toLowerCase()) return decodeURIComponent(part.slice(eq + 1));
      }
      return undefined;
    };
    if (!req.clientCertOk) {
      return {
        status: 403,
        body: '<html><head><title>403 - Forbidden: Access is denied.</title></head><body><h2>403.7 - Forbidden: Client certificate required.</h2></body></html>',
        headers: { 'content-type': 'text/html' },
      };
    }
    const appId = q('AppID') ?? '';
    if (!this.#apps.has(appId)) {
      return jsonReply(403, { ErrorCode: 'APPAP306E', ErrorMsg: `Failed to verify application authentication data: Application [${appId}] is not defined` });
    }
    const safe = q('Safe');
    const folder = q('Folder') ?? 'Root';
    const object = q('Object');
    const found = this.#accounts.find((a) => a.safe === safe && a.folder === folder && a.name === object);
    const changes = found ? (this.changing.get(found.name) ?? 0) : 0;
    if (found && changes > 0) {
      this.changing.set(found.name, changes - 1);
      return jsonReply(500, { ErrorCode: 'APPAP282E', ErrorMsg: 'Password is being changed by the CPM. Try again later.' });
    }
    if (!found) {
      return jsonReply(404, {
        ErrorCode: 'APPAP004E',
        ErrorMsg: `Password object matching query [Safe=${safe};Folder=${folder};Object=${object}] was not found (Diagnostic Info: 5). Please check that there is a password object that answers your query in the Vault and that both the Provider and the application user have the appropriate permissions needed in order to use the password.`,
      });
    }
    return jsonReply(200, {
      Content: found.content,
      CreationMethod: 'PVWA',
      Address: 'db.example.com',
      Safe: found.safe,
      UserName: found.userName,
      Name: found.name,
      PolicyID: 'UnixSSH',
      DeviceType: 'Operating System',
      Folder: found.folder,
      PasswordChangeInProcess: 'False',
    });
  }
}
