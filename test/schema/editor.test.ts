/**
 * The editor schema in the real `yaml-language-server` (the engine of VS Code's YAML extension),
 * driven over stdio: no false error on any valid fixture, example or documentation example (values
 * known only at start-up included), and the problems that matter most are shown while typing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { YamlLanguageServer, type LspDiagnostic } from '../support/yaml-language-server.js';

const root = new URL('../../', import.meta.url).pathname;
const schemaUri = pathToFileURL(join(root, 'schemas/maverics.schema.json')).href;
// What the Red Hat extension sends; the schema store is off so that nothing is fetched.
const server = new YamlLanguageServer({ yaml: { schemas: { [schemaUri]: ['*.yaml', '*.yml'] }, validate: true, schemaStore: { enable: false } } });

/** Only a guard against a hung server, never a timing assertion. */
const HANG_GUARD_MS = 120_000;
function guarded<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`yaml-language-server gave no answer for ${what}`)), HANG_GUARD_MS)));
  return Promise.race([work, hang]).finally(() => clearTimeout(timer));
}

const diagnose = (path: string, text = readFileSync(path, 'utf8')) => guarded(server.diagnose(path, text), path);
const show = (d: LspDiagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`;
const yamlFiles = (dir: string) => readdirSync(join(root, dir)).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(root, dir, n));

test.before(() => guarded(server.start(root), 'initialize'));
test.after(() => guarded(server.stop(), 'shutdown'));

const valid = [...yamlFiles('fixtures/ok'), ...yamlFiles('examples'), ...yamlFiles('fixtures/docs-examples')];

test('there are valid files to check, env templates included', () => {
  assert.ok(valid.length >= 30, `${valid.length} files`);
  assert.ok(valid.some((f) => f.endsWith('env-templates.yaml')));
});

/**
 * An upper-case bare word where a URL belongs (`samlMetadataURL: METADATA_URL` in a tutorial) is an
 * unfilled template: the editor rightly flags it; lint says placeholder-value there.
 */
const PLACEHOLDER_VALUE = /:\s*[A-Z][A-Z0-9_]*\s*$/;

for (const file of valid) {
  test(`no diagnostic on ${file.slice(root.length)} (except on an unfilled placeholder)`, async () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const found = (await diagnose(file)).filter((d) => !PLACEHOLDER_VALUE.test(lines[d.range.start.line] ?? ''));
    assert.equal(found.map(show), []);
  });
}

test('a value known only at start-up is accepted at an enum, a boolean and a number', async () => {
  const text = [
    'version: 1',
    'logger:',
    '  level: "{{ env.LOG_LEVEL }}"',
    '  jsonOutput: <vault.json_logs>',
    'http:',
    '  readTimeoutSeconds: "{{ env.READ_TIMEOUT }}"',
    'caches:',
    '  - name: c',
    '    type: redis',
    '    redis: {addresses: ["redis:6379"]}',
    '    encryption: {disabled: "{{ env.ENCRYPTION_OFF }}"}',
    '',
  ].join('\n');
  assert.equal((await diagnose(join(root, 'deferred.yaml'), text)).map(show), []);
});

/** Each problem the editor must show: the line and a phrase of its message. */
const problems: { name: string; text: string; line: number; message: RegExp }[] = [
  { name: 'a cache named local_default', text: 'version: 1\ncaches:\n  - name: local_default\n    type: redis\n    redis: {addresses: ["r:6379"]}\n    encryption: {disabled: true}\n', line: 3, message: /local_default is the built-in in-memory cache/ },
  { name: 'an encryption key that is neither 64 hex characters nor a reference', text: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["r:6379"]}\n    encryption:\n      keys:\n        current: not-a-hex-key\n', line: 8, message: /64 hex characters/ },
  { name: 'a hashing key of the wrong length', text: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["r:6379"]}\n    encryption: {disabled: true}\n    hashing:\n      keys:\n        old: ["abcdef"]\n', line: 9, message: /64 hex characters/ },
  { name: 'an unknown cache key', text: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    ttl: 30s\n    redis: {addresses: ["r:6379"]}\n    encryption: {disabled: true}\n', line: 5, message: /Property ttl is not allowed/ },
  { name: 'a misspelt key of an okta connector', text: 'version: 1\nconnectors:\n  - name: okta\n    type: okta\n    oidcWellKnownURL: https://example.okta.com/.well-known/openid-configuration\n    oauthClientID: x\n    oauthClientSecert: <okta.secret>\n', line: 7, message: /oauthClientSecert is not allowed/ },
  { name: 'a duration written as a bare number', text: 'version: 1\nsession:\n  lifetime:\n    maxTimeout: 3600\n', line: 4, message: /Go reads a bare number as nanoseconds/ },
];

for (const p of problems) {
  test(`the editor shows ${p.name}`, async () => {
    const found = await diagnose(join(root, 'problem.yaml'), p.text);
    assert.ok(found.some((d) => d.range.start.line + 1 === p.line && p.message.test(d.message)), found.map(show).join('\n') || 'no diagnostics');
  });
}

/** The error fixtures of the rules the schema also expresses: the editor flags each golden line. */
for (const rule of ['reserved-cache-name', 'encryption-key-format', 'hashing-key-format', 'unknown-key', 'wrong-type', 'invalid-value']) {
  test(`the editor flags every ${rule} line of fixtures/err/${rule}.yaml`, async () => {
    const expected = readFileSync(join(root, 'fixtures/err', `${rule}.expected`), 'utf8').split('\n').filter((l) => l.endsWith(` ${rule}`)).map((l) => Number(l.split(':')[0]));
    assert.ok(expected.length > 0);
    const lines = new Set((await diagnose(join(root, 'fixtures/err', `${rule}.yaml`))).map((d) => d.range.start.line + 1));
    assert.equal(expected.filter((line) => !lines.has(line)), [], `lines the editor does not flag (it flags ${[...lines].join(', ')})`);
  });
}

test.run();
