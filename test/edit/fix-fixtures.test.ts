/**
 * `lint --fix` on every fixtures/err case that has a fix: the fixed findings are gone, nothing new
 * appears, and every line the fixes did not touch is byte for byte what it was.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Diagnostic } from '../../src/base/diagnostics.js';
import { lintText } from '../../src/pipeline/lint.js';
import { runCli } from '../support/cli.js';

const errDir = new URL('../../fixtures/err/', import.meta.url).pathname;
const isUnder = (path: readonly (string | number)[], parent: readonly (string | number)[]) => parent.every((seg, i) => path[i] === seg);
const key = (d: Diagnostic) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`;
const cases = readdirSync(errDir).filter((f) => f.endsWith('.yaml')).filter((f) => lintText(readFileSync(join(errDir, f), 'utf8')).diagnostics.some((d) => d.fix && !d.suppression));

test('some fixtures/err cases have fixes, one per fixing rule at least', () => {
  const rulesWithFixes = new Set(cases.flatMap((f) => lintText(readFileSync(join(errDir, f), 'utf8')).diagnostics.filter((d) => d.fix).map((d) => d.ruleId)));
  for (const id of ['unknown-key', 'invalid-value', 'unknown-tls-profile', 'unknown-cache', 'unknown-cluster', 'redis-address', 'tls-min-version', 'legacy-key']) {
    assert.ok(rulesWithFixes.has(id), `no fixture exercises the fix of ${id}`);
  }
});

const dir = mkdtempSync(join(tmpdir(), 'mc-fix-'));
// One CLI run over every case (a process per file would cost minutes on a small machine).
const copies = cases.map((f) => {
  const path = join(dir, f);
  writeFileSync(path, readFileSync(join(errDir, f)));
  return path;
});
const run = runCli(['lint', '--fix', '--format', 'json', ...copies]);

for (const [i, name] of cases.entries()) {
  test(`lint --fix ${name}: the fixed findings are gone, the rest of the file is unchanged`, () => {
    const before = readFileSync(join(errDir, name), 'utf8');
    const after = readFileSync(copies[i] as string, 'utf8');
    const was = lintText(before).diagnostics.filter((d) => !d.suppression);
    const fixed = was.filter((d) => d.fix);
    const now = lintText(after).diagnostics.filter((d) => !d.suppression);
    // Every fix is one line's edit: the line count holds and only the fixed lines differ.
    const a = before.split('\n');
    const b = after.split('\n');
    assert.is(b.length, a.length);
    const fixedLines = new Set(fixed.map((d) => d.line - 1));
    a.forEach((line, n) => {
      if (!fixedLines.has(n)) assert.is(b[n], line, `line ${n + 1} changed although nothing was fixed there`);
      else assert.is.not(b[n], line, `line ${n + 1} was to be fixed`);
    });
    for (const d of fixed) {
      assert.not.ok(now.some((n) => n.ruleId === d.ruleId && n.line === d.line), `${d.ruleId} at line ${d.line} is still reported`);
    }
    // Nothing new, except what the corrected value itself now asks for (a cache whose `type: reddis`
    // became `redis` must now say how it encrypts): a fix that breaks something elsewhere is no fix.
    const wasKeys = new Set(was.map(key));
    for (const d of now.filter((n) => !wasKeys.has(key(n)))) {
      assert.ok(fixed.some((f) => isUnder(d.path, f.path.slice(0, -1))), `new finding after --fix: ${key(d)}`);
    }
  });
}

test('the JSON report after --fix counts what is left, and nothing left is fixable', () => {
  const results = JSON.parse(run.stdout) as { fixableErrorCount: number; fixableWarningCount: number; messages: { fix?: unknown }[] }[];
  assert.is(results.length, cases.length);
  for (const r of results) {
    assert.is(r.fixableErrorCount + r.fixableWarningCount, r.messages.filter((m) => m.fix).length);
    assert.is(r.fixableErrorCount, 0);
  }
});

test('without --fix, fixableErrorCount/fixableWarningCount count the findings that carry a fix', () => {
  const r = runCli(['lint', '--format', 'json', join(errDir, 'redis-address.yaml'), join(errDir, 'yaml-syntax.yaml')]);
  const results = JSON.parse(r.stdout) as { filePath: string; fixableErrorCount: number; messages: { ruleId: string; fix?: { range: number[]; text: string } }[] }[];
  const redis = results.find((x) => x.filePath.endsWith('redis-address.yaml'));
  assert.is(redis?.fixableErrorCount, 2);
  assert.equal(redis?.messages.filter((m) => m.fix).map((m) => m.fix?.text), ['"redis-1.example.com:6379"', '"redis-2.example.com:6379"']);
  assert.is(results.find((x) => x.filePath.endsWith('yaml-syntax.yaml'))?.fixableErrorCount, 0);
});

test('--fix-dry-run prints a unified diff that patch applies, and writes nothing', () => {
  const path = join(dir, 'dry.yaml');
  const text = readFileSync(join(errDir, 'multi-seed-mistakes.yaml'), 'utf8');
  writeFileSync(path, text);
  const r = runCli(['lint', '--fix-dry-run', path]);
  assert.is(readFileSync(path, 'utf8'), text);
  assert.is(r.code, 1, r.stderr);
  assert.match(r.stdout, /^--- a\/\S+\/dry\.yaml\n\+\+\+ b\/\S+\/dry\.yaml\n@@ -\d+(,\d+)? \+\d+(,\d+)? @@\n/);
  assert.match(r.stdout, /\n-\s+tls: redis-tl\n\+\s+tls: redis-tls\n/);
  const fixed = runCli(['lint', '--fix', path]);
  assert.is(fixed.stdout.includes('redis-tl`'), false);
  const lines = (s: string) => s.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l));
  // The dry run's changed lines are exactly what --fix then wrote.
  const written = readFileSync(path, 'utf8').split('\n');
  for (const added of lines(r.stdout).filter((l) => l.startsWith('+'))) assert.ok(written.includes(added.slice(1)), added);
});

test('--fix-dry-run masks a literal secret in its context lines; --fix never moves one', () => {
  const canary = 'Canary-7f3a9e21-secret';
  const text = `version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses: ["redis.example.com"]\n      password: ${canary}\n    encryption: { disabled: true }\n`;
  const path = join(dir, 'secret.yaml');
  writeFileSync(path, text);
  const r = runCli(['lint', '--fix-dry-run', path]);
  assert.match(r.stdout, /\+\s+addresses: \["redis\.example\.com:6379"\]/);
  assert.not.ok(r.stdout.includes(canary) || r.stderr.includes(canary));
  runCli(['lint', '--fix', path]);
  assert.is(readFileSync(path, 'utf8'), text.replace('"redis.example.com"', '"redis.example.com:6379"'));
});

test('--fix refuses standard input and the two flags together (exit 2)', () => {
  assert.is(runCli(['lint', '--fix', '-'], { input: 'version: 1\n' }).code, 2);
  assert.is(runCli(['lint', '--fix', '--fix-dry-run', join(errDir, 'unknown-key.yaml')]).code, 2);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
