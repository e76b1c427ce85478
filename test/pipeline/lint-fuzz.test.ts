/**
 * Property-based: random and mutated YAML through lintText never throws, never hangs, and every
 * diagnostic has a valid position inside the file. Fixed seed and bounded runs keep CI fast and
 * failures reproducible.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../../src/pipeline/lint.js';
import type { FileResult } from '../../src/base/diagnostics.js';

const SEED = 20261129;
const root = new URL('../../', import.meta.url).pathname;
const seeds = [
  readFileSync(join(root, 'examples/maverics.yaml'), 'utf8'),
  ...readdirSync(join(root, 'fixtures/ok'), { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => readFileSync(join(root, 'fixtures/ok', e.name), 'utf8')),
];

function assertValid(text: string, result: FileResult): void {
  const shown = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = shown.split('\n');
  for (const d of result.diagnostics) {
    const where = `${d.ruleId} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} in ${JSON.stringify(text.slice(0, 200))}`;
    assert.ok(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines.length, `line out of range: ${where}`);
    assert.ok(d.endLine >= d.line && d.endLine <= lines.length, `endLine out of range: ${where}`);
    assert.ok(d.column >= 1 && d.column <= (lines[d.line - 1]?.length ?? 0) + 1, `column out of range: ${where}`);
    assert.ok(d.endColumn >= 1 && d.endColumn <= (lines[d.endLine - 1]?.length ?? 0) + 1, `endColumn out of range: ${where}`);
    assert.ok(d.endLine > d.line || d.endColumn >= d.column, `range ends before it starts: ${where}`);
    assert.ok(d.severity === 'error' || d.severity === 'warning');
    assert.type(d.message, 'string');
    assert.ok(d.message.length > 0);
  }
  assert.is(result.errorCount, result.diagnostics.filter((d) => d.severity === 'error' && !d.suppression).length);
}

function lintChecked(text: string): void {
  const result = lintText(text, { filePath: 'fuzz.yaml' });
  assertValid(text, result);
}

// Characters that matter to YAML and to our rules.
const yamlChar = fc.constantFrom(...' \t\n\r:-?,[]{}#&*!|>\'"%@`<>.0123456789abcdefxyzAZ_/\\\uFEFF\u00e9');
const yamlish = fc.array(yamlChar, { maxLength: 200 }).map((cs) => cs.join(''));

test('random YAML-ish text never throws and gives valid positions', () => {
  fc.assert(fc.property(yamlish, (text) => lintChecked(text)), { seed: SEED, numRuns: 600 });
});

test('structured random documents (keys this linter knows) never throw', () => {
  const key = fc.constantFrom('version', 'caches', 'name', 'type', 'redis', 'addresses', 'tls', 'encryption', 'keys', 'current', 'old', 'hashing', 'disabled', 'minVersion', 'http', 'hosts', 'session', 'store', 'cluster', 'clusters', 'features', 'oidcProvider', 'cache', 'connectors', 'apps', 'authentication', 'idps', 'password', 'logger', 'level');
  const scalar = fc.oneof(fc.constantFrom('redis', 'local_default', '<vault.key>', '{{ env.X }}', '1.0', 'redis://h:1', '[::1]:6379', 'true', ''), fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
  })).node;
  fc.assert(
    fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (doc) => {
      lintChecked(JSON.stringify(doc, null, 1)); // JSON is YAML
    }),
    { seed: SEED, numRuns: 400 },
  );
});

test('mutated real configs (cut, duplicated, re-indented, with tabs) never throw', () => {
  const mutation = fc.record({
    seed: fc.nat(seeds.length - 1),
    at: fc.nat(),
    length: fc.nat(40),
    insert: fc.constantFrom('', '\t', '  ', '\n', ':', '- ', '{', '}', '[', '"', "'", '&a ', '*a', '<', '>', '{{', '}}', '---\n', '\r\n', '\uFEFF', '#'),
    op: fc.constantFrom('insert', 'delete', 'duplicate', 'truncate'),
  });
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
      let text = seeds[mutations[0]?.seed ?? 0] ?? '';
      for (const m of mutations) {
        const at = text.length ? m.at % text.length : 0;
        if (m.op === 'insert') text = text.slice(0, at) + m.insert + text.slice(at);
        else if (m.op === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
        else if (m.op === 'duplicate') text = text.slice(0, at) + text.slice(at, at + m.length * 4) + text.slice(at);
        else text = text.slice(0, at);
      }
      lintChecked(text);
    }),
    { seed: SEED, numRuns: 400 },
  );
});

test('lintText is deterministic: the same input gives the same diagnostics', () => {
  for (const text of seeds) assert.equal(lintText(text), lintText(text));
});

test.run();
