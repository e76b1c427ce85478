/**
 * The vendor's documentation examples (fixtures/docs-examples, sources in SOURCES.md) lint with no
 * error except on unfilled placeholders: an example the docs print is, by definition, accepted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../../src/pipeline/lint.js';

const dir = new URL('../../fixtures/docs-examples/', import.meta.url);
const files = readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();

test('there are documentation examples, each named in SOURCES.md', () => {
  assert.ok(files.length >= 10, `${files.length} examples`);
  const sources = readFileSync(new URL('SOURCES.md', dir), 'utf8');
  assert.equal(files.filter((f) => !sources.includes(`\`${f}\``)), []);
});

for (const file of files) {
  test(`${file}: no error except placeholder-value`, () => {
    const { diagnostics } = lintText(readFileSync(new URL(file, dir), 'utf8'), { filePath: file });
    const errors = diagnostics.filter((d) => d.severity === 'error' && d.ruleId !== 'placeholder-value');
    assert.equal(errors.map((d) => `${d.line}:${d.column} ${d.ruleId}: ${d.message}`), []);
  });
}

test.run();
