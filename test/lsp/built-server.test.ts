/**
 * The server as users start it: the built, bundled executable. The bundle once gave the CommonJS
 * protocol package no named exports ("StreamMessageReader is not a constructor"); this catches that.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ensureBuilt } from '../support/built-cli.js';
import { LspClient } from './lsp-client.js';

test('node dist/bin/main.js lsp --stdio: initialize, diagnostics with a quick fix, shutdown', async () => {
  const client = new LspClient([ensureBuilt(), 'lsp', '--stdio']);
  const init = await client.initialize();
  assert.ok(init.capabilities.codeActionProvider);
  const uri = 'untitled:built.yaml';
  const { diagnostics } = await client.open(uri, 'version: 1\noidcProvider:\n  cache: local_defualt\n');
  const d = diagnostics.find((x) => x.code === 'unknown-cache');
  assert.ok(d);
  const actions = await client.request<{ edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d!.range, context: { diagnostics: [d] } });
  assert.equal(actions.map((a) => a.edit.changes[uri]?.map((e) => e.newText)), [['local_default']]);
  await client.close();
});

test.run();
