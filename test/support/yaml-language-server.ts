/**
 * A minimal Language Server Protocol client for the real `yaml-language-server` (the engine of VS
 * Code's YAML extension), over stdio. Framing and messages follow the LSP 3.17 specification
 * (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/):
 * `Content-Length` headers, `initialize` → `initialized`, `workspace/didChangeConfiguration` with the
 * `yaml.*` settings the Red Hat extension sends, `textDocument/didOpen`, and the server's
 * `textDocument/publishDiagnostics` notifications.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  message: string;
}

type Message = { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: unknown };

export class YamlLanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly diagnostics = new Map<string, (d: LspDiagnostic[]) => void>();
  private version = 0;

  constructor(private readonly settings: Record<string, unknown>) {
    const bin = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');
    this.child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.resume();
  }

  async start(rootDir: string): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).href,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: {} } },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
  }

  /** Opens a document and resolves with the first diagnostics the server publishes for it. */
  diagnose(path: string, text: string): Promise<LspDiagnostic[]> {
    // A fresh URI per call (the server publishes once per opened document), still ending in the
    // file's own name so that the `yaml.schemas` globs match it.
    const uri = pathToFileURL(`${dirname(path)}/opened-${++this.version}/${basename(path)}`).href;
    const result = new Promise<LspDiagnostic[]>((resolve) => this.diagnostics.set(uri, resolve));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return result.finally(() => this.notify('textDocument/didClose', { textDocument: { uri } }));
  }

  async stop(): Promise<void> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    await new Promise((resolve) => (this.child.exitCode === null ? this.child.once('exit', resolve) : resolve(undefined)));
  }

  private request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    const reply = new Promise<Message>((resolve) => this.pending.set(id, resolve));
    this.send({ jsonrpc: '2.0', id, method, params });
    return reply;
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.method && message.id !== undefined) {
      // Requests from the server: `workspace/configuration` asks for settings by section; the rest
      // (client/registerCapability, window/workDoneProgress/create) only need an answer.
      const result = message.method === 'workspace/configuration'
        ? ((message.params as { items: { section?: string }[] }).items ?? []).map((item) => (item.section ? this.settings[item.section] ?? null : this.settings))
        : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: LspDiagnostic[] };
      const waiting = this.diagnostics.get(uri);
      this.diagnostics.delete(uri);
      waiting?.(diagnostics);
      return;
    }
    if (typeof message.id === 'number') {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    }
  }
}
