/** Each feature of the server, through a real client over stdio: quick fixes, completion, hover, navigation, outline. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../../src/pipeline/lint.js';
import { LspClient, type LspDiagnostic, type Position, type Range } from './lsp-client.js';

const CANARY = 'Canary-4be1d9c0-do-not-leak';
const CONFIG = `version: 1
# profiles for the edge and for Redis
tls:
  edge:
    certFile: /etc/maverics/edge.pem
    keyFile: /etc/maverics/edge.key
  redis-tls:
    caFile: /etc/maverics/ca.pem
http:
  address: ":443"
  tls: edge
caches:
  - name: sessions-cache
    type: redis
    redis:
      addresses: ["redis.example.com:6379"]
      tls: redis-tl
      password: ${CANARY}
    encryption: { disabled: true }
connectors:
  - name: okta
    type: okta
    oauthClientID: orchestrator
    oauthClientSecret: <vault.okta_secret>
    oidcWellKnownURL: https://example.okta.com/.well-known/openid-configuration
apps:
  - name: portal
    type: proxy
    upstream: https://portal.internal
    routePatterns: ["/"]
    authentication:
      idps: [okta]
oidcProvider:
  cache: sessions-cache
`;
const URI = 'untitled:maverics.yaml';
const client = new LspClient();
let diagnostics: LspDiagnostic[] = [];
const doc = TextDocument.create(URI, 'yaml', 1, CONFIG);
const at = (needle: string, plus = 0, nth = 0): Position => {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = CONFIG.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, needle);
  return doc.positionAt(offset + plus);
};
const td = { uri: URI };

interface Edit { range: Range; newText: string }
const apply = (text: string, edits: readonly Edit[]) => TextDocument.applyEdits(TextDocument.create(URI, "yaml", 1, text), [...edits]);

test.before(async () => {
  const init = await client.initialize({ debounceMs: 0 });
  for (const cap of ['completionProvider', 'hoverProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentSymbolProvider', 'codeActionProvider']) assert.ok(init.capabilities[cap], cap);
  diagnostics = (await client.open(URI, CONFIG)).diagnostics;
});

test('quick fix: the rule\'s fix, which removes the finding when applied', async () => {
  const d = diagnostics.find((x) => x.code === 'unknown-tls-profile');
  assert.ok(d);
  const actions = await client.request<{ title: string; kind: string; isPreferred: boolean; edit: { changes: Record<string, Edit[]> } }[]>('textDocument/codeAction', { textDocument: td, range: d!.range, context: { diagnostics: [d] } });
  const fix = actions.find((a) => a.isPreferred);
  assert.is(fix?.kind, 'quickfix');
  const fixed = apply(CONFIG, fix!.edit.changes[URI]!);
  assert.is(fixed, CONFIG.replace('tls: redis-tl\n', 'tls: redis-tls\n'));
  assert.not.ok(lintText(fixed).diagnostics.some((x) => x.ruleId === 'unknown-tls-profile'));
});

test('quick fix on a literal secret: the value becomes a reference, and the secret is in no message', async () => {
  const d = diagnostics.find((x) => x.code === 'plaintext-secret');
  assert.ok(d);
  const actions = await client.request<{ title: string; edit: { changes: Record<string, Edit[]> } }[]>('textDocument/codeAction', { textDocument: td, range: d!.range, context: { diagnostics: [d] } });
  const move = actions.find((a) => /literal secret to a reference/.test(a.title));
  assert.ok(move);
  const edits = move!.edit.changes[URI]!;
  assert.equal(edits.map((e) => e.newText), ['<vault.redis_password>']);
  const fixed = apply(CONFIG, edits);
  assert.is(fixed, CONFIG.replace(CANARY, '<vault.redis_password>'));
  assert.not.ok(lintText(fixed).diagnostics.some((x) => x.ruleId === 'plaintext-secret'));
});

test('completion: schema keys with descriptions at the cursor\'s mapping', async () => {
  const text = CONFIG.replace('    encryption: { disabled: true }\n', '    encryption: { disabled: true }\n    \n');
  const uri = 'untitled:complete-keys.yaml';
  await client.open(uri, text);
  const line = text.split('\n').indexOf('    ');
  const items = await client.request<{ label: string; documentation?: { value: string } }[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } });
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('hashing'), labels.join());
  assert.not.ok(labels.includes('redis'), 'a key already present is not offered again');
  assert.ok(items.find((i) => i.label === 'hashing')?.documentation?.value);
});

test('completion: enum values, declared TLS profiles, caches (+ local_default), connectors, clusters', async () => {
  const text = `version: 1
tls:
  edge: { caFile: /ca.pem }
  redis-tls: { caFile: /ca.pem }
features: { experimental.clusters: "true" }
clusters:
  - name: east
caches:
  - name: c1
    type: 
    redis:
      tls: 
    cluster:
      name: 
connectors:
  - { name: okta, type: okta }
apps:
  - name: a
    authentication:
      idps:
        - 
oidcProvider:
  cache: 
`;
  const uri = 'untitled:complete-values.yaml';
  await client.open(uri, text);
  const lines = text.split('\n');
  const complete = async (lineText: string) => {
    const line = lines.indexOf(lineText);
    assert.ok(line >= 0, lineText);
    const items = await client.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: lineText.length } });
    return items.map((i) => i.label).sort();
  };
  assert.equal(await complete('    type: '), ['cluster', 'redis']);
  assert.equal(await complete('      tls: '), ['edge', 'redis-tls']);
  assert.equal(await complete('      name: '), ['east']);
  assert.equal(await complete('        - '), ['okta']);
  assert.equal(await complete('  cache: '), ['c1', 'local_default']);
});

test('hover: a key\'s schema description; a reference says what it points at', async () => {
  const key = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: td, position: at('addresses', 2) });
  assert.match(key.contents.value, /host:port/);
  const ref = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: td, position: at('cache: sessions-cache', 9) });
  assert.match(ref.contents.value, /^cache `sessions-cache`: declared at line 13 \(`caches\[0\]\.name`\)/);
});

test('definition and references of a TLS profile; of a connector', async () => {
  const def = await client.request<{ range: Range }[]>('textDocument/definition', { textDocument: td, position: at('tls: edge', 6) });
  assert.equal(def.map((l) => l.range.start), [at('edge:')]);
  const refs = await client.request<{ range: Range }[]>('textDocument/references', { textDocument: td, position: at('edge:', 1), context: { includeDeclaration: true } });
  assert.equal(refs.map((l) => l.range.start), [at('edge:'), at('tls: edge', 5)]);
  const idp = await client.request<{ range: Range }[]>('textDocument/definition', { textDocument: td, position: at('[okta]', 2) });
  assert.equal(idp.map((l) => l.range.start), [at('okta', 0, 0)]);
});

test('rename a cache: the declaration and every use, nothing else (comments stay)', async () => {
  const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: td, position: at('sessions-cache', 3) });
  assert.is(prepared.placeholder, 'sessions-cache');
  const edit = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: td, position: at('cache: sessions-cache', 10), newName: 'main-cache' });
  assert.is(apply(CONFIG, edit.changes[URI]!), CONFIG.replaceAll('sessions-cache', 'main-cache'));
  const tls = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: td, position: at('edge:'), newName: 'front' });
  assert.is(apply(CONFIG, tls.changes[URI]!), CONFIG.replace('  edge:\n', '  front:\n').replace('tls: edge\n', 'tls: front\n'));
});

test('rename a connector: its declaration, the idps that name it, and the {{ connector.attribute }} templates', async () => {
  const text = `version: 1
connectors:
  - { name: okta, type: okta }
apps:
  - name: portal
    type: proxy
    authentication:
      idps: [okta]
    headers:
      X-Email: "{{ okta.email }} / {{ okta.name }}"
    claimsMapping:
      email: okta.email
`;
  const uri = 'untitled:rename-connector.yaml';
  await client.open(uri, text);
  const position = TextDocument.create(uri, 'yaml', 1, text).positionAt(text.indexOf('okta,'));
  const edit = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri }, position, newName: 'okta-prod' });
  const renamed = apply(text, edit.changes[uri]!);
  assert.is(renamed, text.replaceAll('okta', 'okta-prod').replace('type: okta-prod', 'type: okta'));
  assert.not.ok(lintText(renamed).diagnostics.some((d) => d.ruleId === 'unknown-connector'));
});

test('document symbols: TLS profiles, caches, connectors, apps', async () => {
  const symbols = await client.request<{ name: string; children: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: td });
  assert.equal(symbols.map((s) => [s.name, s.children.map((c) => c.name)]), [
    ['tls', ['edge', 'redis-tls']],
    ['caches', ['sessions-cache']],
    ['connectors', ['okta']],
    ['apps', ['portal']],
  ]);
});

test('no message from the server carries the literal secret', () => {
  assert.ok(client.raw.length > 1000);
  assert.not.ok(client.raw.includes(CANARY));
});

test.after(() => client.close());
test.run();
