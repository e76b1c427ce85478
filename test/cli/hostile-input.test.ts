/**
 * Hostile inputs through the CLI and the library: files that are not files, files too large,
 * stdout that cannot be written, names that are Object.prototype's, `__proto__` keys, control
 * characters, UTF-16, symbolic links, an --out in a missing folder. Each exits 2 with one line (or
 * reports a finding) and never hangs: spawnSync's timeout is a generous hang guard, not a measurement.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintFiles, lintText, loadConfig, MavericsConfigError } from '../../src/index.js';
import { root, runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mc-hostile-'));
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const warnOnly = file('warn.yaml', 'version: 0.3\nlogger:\n  levle: info\n');
const fifo = join(dir, 'fifo.yaml');
spawnSync('mkfifo', [fifo]);

function assertUsage(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, pattern);
  assert.is(r.stderr.trim().split('\n').length, 1, `more than one line: ${r.stderr}`);
  assert.not.match(r.stderr, /\n\s+at /, 'a stack trace');
}

test('lint of a FIFO or /dev/zero is refused before any read (exit 2), never blocks', () => {
  assertUsage(runCli(['lint', fifo]), /cannot read .*fifo\.yaml: not a regular file/);
  assertUsage(runCli(['lint', '/dev/zero']), /cannot read \/dev\/zero: not a regular file/);
  assertUsage(runCli(['compile', '/dev/zero']), /not a regular file/);
});

test('input size is capped (16 MiB by default); --max-file-size raises or lowers it', () => {
  assertUsage(runCli(['lint', '--max-file-size', '8', warnOnly]), /larger than 8 bytes.*--max-file-size/);
  assertUsage(runCli(['lint', '--max-file-size', '8', '-'], { input: 'version: 0.3\n' }), /standard input: larger than 8 bytes/);
  assertUsage(runCli(['lint', '--max-file-size', 'lots', warnOnly]), /--max-file-size takes a size/);
  assert.is(runCli(['lint', '--max-file-size', '1K', warnOnly]).code, 0);
  const big = file('big.yaml', `version: 0.3\n#${'x'.repeat(16 * 1024 * 1024)}\n`);
  assertUsage(runCli(['lint', big]), /larger than 16 MiB/);
  assert.is(runCli(['lint', '--max-file-size', '32M', big]).code, 0);
});

test('the library reads regular files only, within maxFileBytes', async () => {
  for (const [path, why] of [[fifo, /not a regular file/], ['/dev/zero', /not a regular file/]] as const) {
    const error = await loadConfig({ file: path }).catch((e: unknown) => e);
    assert.instance(error, MavericsConfigError);
    assert.match((error as Error).message, why);
    await lintFiles([path]).then(() => assert.unreachable('lintFiles read a FIFO'), (e: Error) => assert.match(e.message, why));
  }
  const error = await loadConfig({ file: warnOnly, maxFileBytes: 8 }).catch((e: unknown) => e);
  assert.match((error as Error).message, /larger than 8 bytes/);
});

test('a failed write to stdout (> /dev/full) is exit 2 with one line, not a stack trace and exit 1', () => {
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--', join(root, 'src/cli/main.ts'), 'lint', warnOnly], {
      cwd: root,
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    assertUsage({ code: r.status, stdout: '', stderr: r.stderr }, /cannot write to standard output: ENOSPC/);
  } finally {
    closeSync(full);
  }
});

test('Object.prototype names are unknown formats and commands (exit 2)', () => {
  for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
    assertUsage(runCli(['lint', '--format', name, warnOnly]), new RegExp(`unknown format "${name}"`));
    assertUsage(runCli([name]), new RegExp(`unknown command "${name}"`));
  }
});

test('compile and loadConfig: a __proto__ key stays a key, never a prototype, and both agree', async () => {
  // Under `logger`, whose key set is only partly documented, an unknown key is a warning: compile runs.
  const text = 'version: 0.3\nlogger:\n  __proto__:\n    polluted: 1\n    level: debug\nhealth: {location: "/{{ env.toString }}"}\n';
  const path = file('proto.yaml', text);
  const r = runCli(['compile', path]);
  assert.is(r.code, 0, r.stderr);
  const compiled = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
  assert.equal(Object.keys(compiled), ['version', 'logger', 'health']);
  assert.equal(Object.keys(compiled.logger ?? {}), ['__proto__']);
  // Object.prototype's toString is not a variable: the template is unset, as in the shell.
  assert.equal(compiled.health, { location: '/' });
  const { config, registry } = await loadConfig({ text, env: {} });
  await registry.close();
  const logger = (config as { logger: Record<string, unknown> }).logger;
  assert.is(Object.getPrototypeOf(logger), Object.prototype);
  assert.is(logger.polluted, undefined);
  assert.is(logger.level, undefined);
  assert.equal(JSON.parse(JSON.stringify(config)), compiled);
});

test('control characters from the file reach no terminal: stylish and github show them escaped', () => {
  const path = file('esc.yaml', 'version: 0.3\nlogger:\n  level: "\u001b]0;PWNED\u0007\u001b[2J"\n  lvel: 1\n\u001b[31mfoo\u009b: 2\n');
  for (const format of ['stylish', 'github']) {
    const r = runCli(['lint', '--format', format, path]);
    assert.is(r.code, 1, r.stderr);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    assert.not.match(r.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, `${format} printed a control character`);
    assert.match(r.stdout, /\\x1b\]0;PWNED\\x07/);
  }
  const stylish = runCli(['lint', path]).stdout;
  // The carets still sit under the value, counted in the escaped text.
  assert.match(stylish, / {4}3 \| {3}level: "\\x1b\]0;PWNED\\x07\\x1b\[2J"\n {4} {2}\| {10}\^{25}\n/);
});

test('a UTF-16 file says to save it as UTF-8, in the CLI and the library', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 0.3\n', 'utf16le')]);
  const path = file('utf16.yaml', le);
  const r = runCli(['lint', path]);
  assert.is(r.code, 1);
  assert.match(r.stdout, /1:1 {2}error {2}the file is UTF-16 encoded; save it as UTF-8/);
  const noBom = lintText(Buffer.from('version: 0.3\n', 'utf16le').toString('utf8'));
  assert.equal(noBom.diagnostics.map((d) => d.ruleId), ['yaml-syntax']);
  assert.match(noBom.diagnostics[0]?.message ?? '', /save it as UTF-8/);
});

test('rotate-key on a symbolic link rewrites the target and keeps the link', () => {
  const target = file('real.yaml', readFileSync(join(root, 'test/fixtures/rotate-key/seed-single.yaml'), 'utf8'));
  const link = join(dir, 'linked.yaml');
  symlinkSync(target, link);
  const r = runCli(['rotate-key', link, '--cache', 'my-redis', '--new', '<vault.redis_encryption_key_v2>']);
  assert.is(r.code, 0, r.stderr);
  assert.ok(lstatSync(link).isSymbolicLink(), 'the link was replaced by a file');
  assert.match(readFileSync(target, 'utf8'), /current: <vault\.redis_encryption_key_v2>/);
});

test('compile --out into a missing folder is a usage error (exit 2), not an internal error', () => {
  const clean = file('clean.yaml', 'version: 0.3\n');
  assertUsage(runCli(['compile', '--out', '/nonexistent/x.json', clean]), /cannot write --out \/nonexistent\/x\.json: no such folder/);
});

test('a password in an address query string is never quoted in a message, with or without a scheme', () => {
  const path = file('query.yaml', 'version: 0.3\ncaches:\n  - name: q\n    type: redis\n    redis:\n      addresses: ["redis://h:6379?password=CANARYq1", "h:6379?password=CANARYq2"]\n    encryption: {disabled: true}\n');
  const r = runCli(['lint', '--format', 'json', path]);
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[];
  const messages = result?.messages.filter((m) => m.ruleId === 'redis-address') ?? [];
  assert.is(messages.length, 2);
  for (const m of messages) assert.not.match(m.message, /CANARY/);
  assert.match(messages[0]?.message ?? '', /write `h:6379`/);
  assert.match(messages[1]?.message ?? '', /query string/);
});

test('a YAML syntax error is reported once through the CLI', () => {
  const r = runCli(['lint', '--format', 'json', file('syntax.yaml', 'version: 0.3\n  x: 1\ny: 2\n')]);
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[];
  assert.equal(result?.messages.map((m) => m.ruleId), ['yaml-syntax']);
});

test.run();
