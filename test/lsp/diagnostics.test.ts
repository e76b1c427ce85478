/** The server's diagnostics are the CLI's, on every fixture: same rules, messages, severities and positions. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.js';
import { LspClient } from './lsp-client.js';

const fixtures = new URL('../../fixtures/', import.meta.url).pathname;
const files = ['ok', 'err'].flatMap((dir) => readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.yaml')).map((f) => join(fixtures, dir, f)));

interface CliMessage { ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }
const cli = JSON.parse(runCli(['lint', '--format', 'json', ...files]).stdout) as { filePath: string; messages: CliMessage[] }[];
const client = new LspClient();

test.before(async () => {
  await client.initialize({ debounceMs: 0 });
});

test('every fixture: the same diagnostics as `lint --format json`', async () => {
  assert.ok(files.length > 80, `${files.length} fixtures`);
  for (const file of files) {
    const published = await client.open(pathToFileURL(file).href, readFileSync(file, 'utf8'));
    const expected = (cli.find((r) => r.filePath === file)?.messages ?? []).map((m) => ({
      code: m.ruleId,
      severity: m.severity === 2 ? 1 : 2,
      message: m.message,
      range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
    }));
    const got = published.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }));
    assert.equal(got, expected, file);
    for (const d of published.diagnostics) {
      assert.is(d.source, 'maverics-config');
      assert.match(d.codeDescription?.href ?? '', new RegExp(`/docs/rules/${d.code}\\.md$`));
    }
    void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: pathToFileURL(file).href } });
  }
});

test('positions count UTF-16 code units, as LSP does', async () => {
  const text = 'version: 1\ntls:\n  edge: { caFile: /ca.pem }\nconnectors:\n  - { name: "\u{1F600}c", type: oidc, tls: edgee, oidcWellKnownURL: "https://i.example.com/.well-known/openid-configuration", oauthClientID: x, oauthClientSecret: <v.s> }\n';
  const { diagnostics } = await client.open('untitled:utf16.yaml', text);
  const d = diagnostics.find((x) => x.code === 'unknown-tls-profile');
  const line = text.split('\n')[4] as string;
  assert.is(d?.range.start.character, line.indexOf('edgee'));
  assert.is(d?.range.end.character, line.indexOf('edgee') + 5);
});

test('a byte-order mark the client keeps in the text shifts the first line only', async () => {
  const { diagnostics } = await client.open('untitled:bom.yaml', '\uFEFFvresion: 1\nsesion: {}\n');
  const ranges = diagnostics.filter((d) => d.code === 'unknown-key').map((d) => d.range);
  assert.equal(ranges, [
    { start: { line: 0, character: 1 }, end: { line: 0, character: 8 } },
    { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } },
  ]);
});

test('suppression comments are honoured', async () => {
  const text = 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      # maverics-config-disable-next-line redis-address -- a proxy in front adds the port\n      addresses: ["redis.example.com"]\n    encryption: { disabled: true }\n';
  const { diagnostics } = await client.open('untitled:suppressed.yaml', text);
  assert.not.ok(diagnostics.some((d) => d.code === 'redis-address'));
  assert.ok(diagnostics.length > 0, 'the other findings are still there');
});

test('on change (incremental): diagnostics follow the edit', async () => {
  const uri = 'untitled:change.yaml';
  const text = 'version: 1\noidcProvider:\n  cache: local_default\n';
  assert.equal((await client.open(uri, text)).diagnostics.filter((d) => d.code === 'unknown-cache'), []);
  const after = await client.change(uri, { start: { line: 2, character: 9 }, end: { line: 2, character: 22 } }, 'my-cache');
  assert.equal(after.diagnostics.filter((d) => d.code === 'unknown-cache').map((d) => d.range), [{ start: { line: 2, character: 9 }, end: { line: 2, character: 17 } }]);
  const back = await client.change(uri, { start: { line: 2, character: 9 }, end: { line: 2, character: 17 } }, 'local_default');
  assert.equal(back.diagnostics.filter((d) => d.code === 'unknown-cache'), []);
});

test('`lsp` takes only --stdio', () => {
  const r = runCli(['lsp', '--port', '1']);
  assert.is(r.code, 2);
  assert.match(r.stderr, /lsp takes only --stdio/);
});

test.after(() => client.close());
test.run();
