/**
 * A loopback HTTPS server speaking CyberArk CCP's REST call,
 * `GET /AIMWebService/api/Accounts?AppID=…&Safe=…[&Folder=…]&Object=…`, over mutual TLS: the client
 * certificate must be signed by the test CA and the AppID known, else 403 with CCP's error body
 * (`APPAP282E`, `APPAP306E`); an object that does not match is 404 `APPAP004E`; a match answers
 * `{"Content":…,"UserName":…,"Address":…,"Name":…,"Safe":…,"Folder":…,"PolicyID":…,…}`. Query
 * parameter names are case-insensitive, as on IIS. Latency and fault injection, request counters.
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
      for (const [k, v] of req.query) if (k.toLowerCase() === name.toLowerCase()) return v;
      return undefined;
    };
    if (!req.clientCertOk) {
      return jsonReply(403, { ErrorCode: 'APPAP282E', ErrorMsg: 'Failed to verify application authentication data: Client certificate is missing or not trusted' });
    }
    const appId = q('AppID') ?? '';
    if (!this.#apps.has(appId)) {
      return jsonReply(403, { ErrorCode: 'APPAP306E', ErrorMsg: `Failed to verify application authentication data: Application [${appId}] is not defined` });
    }
    const safe = q('Safe');
    const folder = q('Folder') ?? 'Root';
    const object = q('Object');
    const found = this.#accounts.find((a) => a.safe === safe && a.folder === folder && a.name === object);
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
