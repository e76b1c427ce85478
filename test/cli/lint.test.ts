import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { root, runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mc-cli-'));
const good = join(root, 'examples/maverics.yaml');
const bad = join(dir, 'bad.yaml');
writeFileSync(bad, 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses: ["redis://h:6379"]\n      password: CANARY-hunter2-CANARY\n    encryption:\n      disabled: true\n');
const warnOnly = join(dir, 'warn.yaml');
writeFileSync(warnOnly, 'version: 1\nlogger:\n  levle: info\n');

test('--format sarif leaves suppressed findings out; --sarif-include-suppressed keeps them', () => {
  const suppressed = join(dir, 'suppressed.yaml');
  writeFileSync(suppressed, 'version: 1\n# maverics-config-disable-next-line unknown-key -- kept for the old loader\nlevle: info\n');
  const results = (args: string[]) => {
    const r = runCli(['lint', '--format', 'sarif', ...args, suppressed]);
    assert.is(r.code, 0, r.stderr);
    return (JSON.parse(r.stdout) as { runs: { results: { ruleId: string; suppressions?: { justification?: string }[] }[] }[] }).runs[0]?.results ?? [];
  };
  assert.equal(results([]), []);
  const kept = results(['--sarif-include-suppressed']);
  assert.equal(kept.map((r) => [r.ruleId, r.suppressions?.[0]?.justification]), [['unknown-key', 'kept for the old loader']]);
});

test('--format json-with-metadata: results plus rulesMeta of the rules that reported', () => {
  const r = runCli(['lint', '--format', 'json-with-metadata', bad]);
  assert.is(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { results: { filePath: string }[]; metadata: { rulesMeta: Record<string, { docs: { url: string } }> } };
  assert.is(out.results[0]?.filePath, bad);
  assert.match(out.metadata.rulesMeta['redis-address']?.docs.url ?? '', /redis-address\.md$/);
  assert.not.match(r.stdout, /CANARY/);
});

test('a clean file: exit 0, nothing printed', () => {
  const r = runCli(['lint', good]);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, '');
});

test('errors: exit 1, stylish report with positions, rule ids and a code frame', () => {
  const r = runCli(['lint', bad]);
  assert.is(r.code, 1);
  assert.match(r.stdout, /6:19 {2}error {2}expected host:port, got a URL with scheme redis:\/\/; write `h:6379` {2}redis-address/);
  assert.match(r.stdout, / {4}6 \| {7}addresses: \["redis:\/\/h:6379"\]\n {4} {2}\| {19}\^{16}/);
  assert.match(r.stdout, /✖ \d+ problems \(1 error, \d+ warnings\)/);
  assert.not.match(r.stdout, /CANARY/, 'a literal secret reached the report');
});

test('--format json is ESLint-shaped and says where the secret is, never what', () => {
  const r = runCli(['lint', '--format', 'json', bad]);
  assert.is(r.code, 1);
  const [file] = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number }[]; errorCount: number; warningCount: number; fatalErrorCount: number }[];
  assert.is(file?.filePath, bad);
  assert.is(file?.errorCount, 1);
  assert.is(file?.fatalErrorCount, 0);
  assert.ok(file?.messages.some((m) => m.ruleId === 'plaintext-secret' && m.severity === 1 && m.line === 7));
  assert.not.match(r.stdout, /CANARY/);
});

test('--quiet reports errors only; --max-warnings turns warnings into exit 1', () => {
  assert.is(runCli(['lint', warnOnly]).code, 0);
  assert.is(runCli(['lint', '--quiet', warnOnly]).stdout, '');
  const r = runCli(['lint', '--max-warnings', '0', warnOnly]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /more than --max-warnings 0/);
  assert.is(runCli(['lint', '--max-warnings', '5', warnOnly]).code, 0);
});

test('--output writes the report to a file', () => {
  const out = join(dir, 'report.json');
  const r = runCli(['lint', '--format', 'json', '--output', out, bad]);
  assert.is(r.code, 1);
  assert.is(r.stdout, '');
  assert.is((JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length, 1);
});

test('- reads standard input, named by --stdin-filename', () => {
  const r = runCli(['lint', '--format', 'json', '--stdin-filename', 'piped/maverics.yaml', '-'], { input: 'version: 1\nlogger:\n  level: loud\n' });
  assert.is(r.code, 1);
  const [file] = JSON.parse(r.stdout) as { filePath: string }[];
  assert.match(file?.filePath ?? '', /piped\/maverics\.yaml$/);
});

test('many files in one call, sorted by path in the output', () => {
  const r = runCli(['lint', '--format', 'json', warnOnly, bad, good]);
  const paths = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath);
  assert.equal(paths, [...paths].sort());
  assert.is(paths.length, 3);
});

test('usage problems exit 2 with one line on stderr', () => {
  for (const args of [['lint', '--bogus', good], ['lint', join(dir, 'missing.yaml')], ['lint'], ['lint', '--format', 'xml', good], ['lint', '--max-warnings', 'many', good], ['frobnicate'], ['lint', dir]]) {
    const r = runCli(args);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^maverics-config: /);
    assert.not.match(r.stderr, /\n\s+at /);
  }
});

test('GITHUB_ACTIONS=true picks the github format when it exists and no --format is given', () => {
  const r = runCli(['lint', bad], { env: { GITHUB_ACTIONS: 'true' } });
  assert.is(r.code, 1);
  assert.ok(r.stdout.startsWith('::') || r.stdout.includes('redis-address'));
});

test('keygen prints 64 hex characters; --version and --help work', () => {
  const k = runCli(['keygen']);
  assert.is(k.code, 0);
  assert.match(k.stdout, /^[0-9a-f]{64}\n$/);
  assert.is.not(runCli(['keygen']).stdout, k.stdout);
  assert.match(runCli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  const h = runCli(['--help']);
  assert.is(h.code, 0);
  assert.match(h.stdout, /Usage: maverics-config/);
});

test('rules lists every rule; rules <id> prints one; an unknown id suggests a close one', () => {
  const list = runCli(['rules']);
  assert.is(list.code, 0);
  assert.match(list.stdout, /^redis-address\s+error\s+/m);
  assert.match(list.stdout, /^unresolved-secret\s+error\s+.*\[check\]$/m);
  const one = runCli(['rules', 'redis-address']);
  assert.is(one.code, 0);
  assert.match(one.stdout, /redis-address/);
  const typo = runCli(['rules', 'redis-adress']);
  assert.is(typo.code, 2);
  assert.match(typo.stderr, /did you mean "redis-address"/);
});

test('a password inside a Redis address never reaches a code frame (masked as a literal secret is)', () => {
  const file = join(dir, 'address-password.yaml');
  writeFileSync(file, 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses: ["redis://u:CANARY-pw@h:6379", "h:6380?password=CANARY-q"]\n');
  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab']) {
    const r = runCli(['lint', '--format', format, file]);
    assert.is(r.code, 1, r.stderr);
    assert.match(r.stdout, /redis-address/);
    assert.not.match(r.stdout + r.stderr, /CANARY/, format);
  }
});

test.run();
