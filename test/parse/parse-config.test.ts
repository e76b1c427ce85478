import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseConfig } from '../../src/parse/parse-config.js';
import { lintText } from '../../src/pipeline/lint.js';

const ids = (text: string) => lintText(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`);

test('a tab used for indentation is a yaml-syntax error at the tab', () => {
  assert.equal(ids('version: 1\nhttp:\n\taddress: ":443"\n'), ['3:1 yaml-syntax']);
});

test('an unterminated quote is a yaml-syntax error, and nothing else runs', () => {
  const r = lintText('version: 1\ncaches: "oops\n');
  assert.ok(r.diagnostics.length >= 1);
  assert.ok(r.diagnostics.every((d) => d.ruleId === 'yaml-syntax'));
});

test('a duplicate key is reported at the second occurrence', () => {
  assert.equal(ids('version: 1\nlogger:\n  level: info\n  level: debug\n'), ['4:3 duplicate-key']);
});

test('duplicate keys in flow mappings too', () => {
  assert.equal(ids('version: 1\nlogger: { level: info, level: warn }\n'), ['2:24 duplicate-key']);
});

test('anchors and aliases work and are validated through', () => {
  const text = 'version: 1\ntls:\n  a: &profile\n    caFile: /ca.pem\n  b: *profile\nconnectors:\n  - {name: x, type: windowsclientauthenticator, tls: a}\n  - {name: y, type: windowsclientauthenticator, tls: b}\n';
  assert.equal(ids(text), []);
  assert.equal(parseConfig(text).value, { version: 1, tls: { a: { caFile: '/ca.pem' }, b: { caFile: '/ca.pem' } }, connectors: [{ name: 'x', type: 'windowsclientauthenticator', tls: 'a' }, { name: 'y', type: 'windowsclientauthenticator', tls: 'b' }] });
});

test('a billion-laughs file gets a diagnostic quickly, not an out-of-memory crash', () => {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (const name of 'bcdefghi') {
    text += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    prev = name;
  }
  const result = lintText(text);
  assert.equal(result.diagnostics.map((d) => d.ruleId), ['yaml-syntax']);
  assert.match(result.diagnostics[0]?.message ?? '', /alias/);
});

test('5,000 levels of nesting give one clear diagnostic, block and flow', () => {
  let block = '';
  for (let i = 0; i < 5000; i++) block += `${' '.repeat(i)}k:\n`;
  for (const text of [block, '['.repeat(5000) + ']'.repeat(5000)]) {
    const r = lintText(text);
    assert.equal(r.diagnostics.length, 1);
    assert.is(r.diagnostics[0]?.ruleId, 'yaml-syntax');
    assert.match(r.diagnostics[0]?.message ?? '', /nests/);
  }
});

test('500 levels through the iterative depth check, not a stack overflow', () => {
  const text = `version: 1\nx: ${'['.repeat(600)}${']'.repeat(600)}\n`;
  const r = lintText(text);
  assert.ok(r.diagnostics.some((d) => d.ruleId === 'yaml-syntax' && /nests/.test(d.message)));
});

test('a byte-order mark does not shift columns', () => {
  const r = lintText('\uFEFFversion: 1\nlogger:\n  level: loud\n');
  assert.equal(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`), ['3:10 invalid-value']);
});

test('CRLF line ends give the same positions as LF', () => {
  const lf = 'version: 1\nlogger:\n  level: loud\ncaches:\n  - name: local_default\n    type: redis\n';
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = lintText(lf).diagnostics.map((d) => [d.ruleId, d.line, d.column, d.endLine, d.endColumn]);
  const b = lintText(crlf).diagnostics.map((d) => [d.ruleId, d.line, d.column, d.endLine, d.endColumn]);
  assert.equal(b, a);
});

test('an empty file and a comment-only file say the file holds no configuration', () => {
  for (const text of ['', '# nothing here\n', '\n\n']) {
    const r = lintText(text);
    assert.equal(r.errorCount, 0);
    assert.equal(r.diagnostics.map((d) => d.ruleId), ['required-key']);
    assert.match(r.diagnostics[0]?.message ?? '', /no configuration/);
  }
});

test('a top level that is not a mapping is a wrong-type error', () => {
  assert.equal(ids('- a\n- b\n'), ['1:1 wrong-type']);
  assert.equal(ids('just a string\n'), ['1:1 wrong-type']);
});

test('several YAML documents in one file are a yaml-syntax error', () => {
  assert.equal(ids('version: 1\n---\nversion: 2\n'), ['2:1 yaml-syntax']);
});

test('YAML error messages never quote the source (they may hold secrets)', () => {
  const r = lintText('version: 1\ncaches:\n  - name: x\n    redis:\n      password: "CANARY-5ecret\n');
  for (const d of r.diagnostics) assert.not.match(d.message, /CANARY/);
});

test('one mistake yaml reports under two codes is one yaml-syntax problem', () => {
  // BLOCK_AS_IMPLICIT_KEY and MULTILINE_IMPLICIT_KEY at the same offset, both "a key must fit on one line".
  const r = lintText('version: 0.3\n  x: 1\ny: 2\n');
  assert.equal(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`), ['1:10 yaml-syntax']);
});

test('duplicate keys are found however many keys a mapping has, each repeat once', () => {
  let text = 'version: 0.3\n';
  for (let i = 0; i < 3000; i++) text += `k${i}: ${i}\n`;
  text += 'k7: again\nk2999: again\n"1": a\n1: b\n';
  const parsed = parseConfig(text);
  const dupes = parsed.problems.filter((p) => p.kind === 'duplicate-key').map((p) => p.range.line);
  // `1` and `"1"` are different keys (a number and a string), as yaml and Go read them.
  assert.equal(dupes, [3002, 3003]);
});

test.run();
