/**
 * A real LSP client for `maverics-config lsp --stdio`, over vscode-jsonrpc (the JSON-RPC layer of
 * VS Code's own client): the server is spawned as an editor spawns it, and every byte it writes is
 * also kept, so a test can assert that no message carries a secret.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { root } from '../support/cli.js';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface LspDiagnostic {
  range: Range;
  severity: number;
  code: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

/** A hang guard, not a timing: generous for a loaded two-core machine. */
const HANG_GUARD_MS = 60_000;

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  /** Everything the server wrote on stdout and stderr. */
  raw = '';
  private readonly published: Published[] = [];
  private readonly waiters: { uri: string; version: number; resolve: (p: Published) => void }[] = [];
  private readonly versions = new Map<string, number>();

  constructor(command: string[] = ['--import', 'tsx', '--', join(root, 'src/cli/main.ts'), 'lsp', '--stdio']) {
    this.child = spawn(process.execPath, command, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (d: Buffer) => (this.raw += d.toString('utf8')));
    this.child.stderr.on('data', (d: Buffer) => (this.raw += d.toString('utf8')));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && (p.version ?? 0) >= w.version) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.listen();
  }

  async initialize(initializationOptions: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return guard(this.connection.sendRequest(method, params) as Promise<T>, method);
  }

  /** Opens a document and waits for its first diagnostics. */
  open(uri: string, text: string): Promise<Published> {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return this.diagnosticsFor(uri, 1);
  }

  /** An incremental change (a range and its new text), then the diagnostics of that version. */
  change(uri: string, range: Range, text: string): Promise<Published> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return this.diagnosticsFor(uri, version);
  }

  diagnosticsFor(uri: string, version: number): Promise<Published> {
    return guard(new Promise<Published>((resolve) => this.waiters.push({ uri, version, resolve })), `diagnostics of ${uri} v${version}`);
  }

  async close(): Promise<void> {
    await this.request('shutdown', null);
    void this.connection.sendNotification('exit');
    await guard(new Promise((resolve) => this.child.once('exit', resolve)), 'exit');
    this.connection.dispose();
  }
}

function guard<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${what} within the hang guard`)), HANG_GUARD_MS);
    }),
  ]);
}
