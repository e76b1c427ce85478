// Golden fixtures (docs/architecture.md): every fixtures/ok/*.yaml gives no error, and no warning
// unless its header comment allows that rule (`# allow-warnings: id, id` with the reason beside
// it); every fixtures/err/<case>.yaml gives exactly the sorted `line:column rule-id` lines of
// <case>.expected. `UPDATE_GOLDENS=1 npm test -- fixtures` rewrites the .expected files; read each
// one before committing it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Diagnostic } from '../../src/base/diagnostics.js';
import { lintText } from '../../src/pipeline/lint.js';
import { rules } from '../../src/rules/index.js';

const okDir = new URL('../../fixtures/ok/', import.meta.url);
const errDir = new URL('../../fixtures/err/', import.meta.url);
const update = process.env.UPDATE_GOLDENS === '1';
const ruleIds = new Set(rules.map((r) => r.id));

function yamlFiles(dir: URL): string[] {
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
}

function lintFixture(dir: URL, name: string): Diagnostic[] {
  // Fixtures are files on disk: the files they name are looked for beside them.
  return lintText(readFileSync(new URL(name, dir), 'utf8'), { filePath: name, configDir: fileURLToPath(dir) }).diagnostics;
}

function show(d: Diagnostic): string {
  return `${d.line}:${d.column} ${d.ruleId} (${d.severity}): ${d.message}`;
}

/** The rule ids a fixture's leading comment block allows as warnings. */
export function allowedWarnings(text: string): Set<string> {
  const allowed = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    const m = /^#\s*allow-warnings:\s*(.+)$/.exec(line);
    if (m) for (const id of (m[1] as string).split(',')) allowed.add(id.trim());
  }
  return allowed;
}

/** What a golden holds: one `line:column rule-id` per diagnostic, in the linter's order. */
function golden(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}\n`).join('');
}

const okFiles = yamlFiles(okDir);
const errFiles = yamlFiles(errDir);

test('there are fixtures: the seed\'s four examples and at least six more ok configs', () => {
  assert.ok(okFiles.filter((f) => f.startsWith('seed-')).length === 4, okFiles.join(', '));
  assert.ok(okFiles.length >= 10, `only ${okFiles.length} ok fixtures`);
});

for (const name of okFiles) {
  test(`ok/${name}: no error, and only the warnings its header allows`, () => {
    const text = readFileSync(new URL(name, okDir), 'utf8');
    const allowed = allowedWarnings(text);
    for (const id of allowed) assert.ok(ruleIds.has(id), `ok/${name} allows \`${id}\`, which is no rule id`);
    const diagnostics = lintFixture(okDir, name);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.map(show), [], `ok/${name} has errors`);
    const unexpected = diagnostics.filter((d) => d.severity === 'warning' && !allowed.has(d.ruleId));
    assert.equal(unexpected.map(show), [], `ok/${name} has warnings its header does not allow`);
    // An allowance nothing needs is stale: the header must say what the file really does.
    const stale = [...allowed].filter((id) => !diagnostics.some((d) => d.ruleId === id));
    assert.equal(stale, [], `ok/${name} allows warnings it does not produce`);
  });
}

test('every offline rule has an err fixture named after it', () => {
  const cases = new Set(errFiles.map((f) => f.replace(/\.ya?ml$/, '')));
  assert.equal([...ruleIds].filter((id) => !cases.has(id)), []);
});

for (const name of errFiles) {
  const base = name.replace(/\.ya?ml$/, '');
  test(`err/${name} matches err/${base}.expected`, () => {
    const diagnostics = lintFixture(errDir, name);
    const actual = golden(diagnostics);
    const expectedUrl = new URL(`${base}.expected`, errDir);
    if (update) writeFileSync(expectedUrl, actual);
    assert.ok(existsSync(expectedUrl), `err/${base}.expected is missing; run UPDATE_GOLDENS=1 npm test -- fixtures and read it`);
    assert.fixture(actual, readFileSync(expectedUrl, 'utf8'), `err/${name}`);
    // A case named after a rule must show that rule.
    if (ruleIds.has(base)) assert.ok(diagnostics.some((d) => d.ruleId === base), `err/${name} gives no ${base}`);
    assert.ok(diagnostics.length > 0, `err/${name} gives no diagnostic at all; it belongs in ok/`);
  });
}

test('every golden has its case', () => {
  const orphans = readdirSync(errDir)
    .filter((f) => f.endsWith('.expected'))
    .filter((f) => !errFiles.some((y) => y.replace(/\.ya?ml$/, '') === f.replace(/\.expected$/, '')));
  assert.equal(orphans, []);
});

test.run();
