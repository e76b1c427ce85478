import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../../src/pipeline/lint.js';
import { rotateKey, RotateKeyError } from '../../src/edit/rotate-key.js';
import { lineDiff } from '../support/line-diff.js';

const fixtures = new URL('../fixtures/rotate-key/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const cli = new URL('../../src/cli/main.ts', import.meta.url).pathname;

/** Every changed line is a key line: `current:`, `old:` or a list item holding a reference. */
function assertOnlyKeyLines(before: string, after: string) {
  const { removed, added } = lineDiff(before, after);
  for (const line of [...removed, ...added]) {
    assert.match(line, /^\s*(current: |old:|- |encryption: \{ keys: )/, `a changed line that is not a key line: ${JSON.stringify(line)}`);
  }
  return { removed, added };
}

function errorCount(text: string) {
  return lintText(text).diagnostics.filter((d) => d.severity === 'error' && !d.suppression).length;
}

test('seed example (no old keys yet): current becomes the new key, the previous one starts the old list', () => {
  const before = read('seed-single.yaml');
  const after = rotateKey(before, { cache: 'my-redis', newKey: '<vault.redis_encryption_key_v2>' });
  const { removed, added } = assertOnlyKeyLines(before, after);
  assert.equal(removed, ['        current: <vault.redis_encryption_key>']);
  assert.equal(added, ['        current: <vault.redis_encryption_key_v2>', '        old:', '          - <vault.redis_encryption_key>']);
  assert.is(errorCount(after), errorCount(before));
});

test('seed rotation example: the current key moves to the front of old', () => {
  const before = read('seed-rotation.yaml');
  const after = rotateKey(before, { cache: 'my-redis', newKey: '<vault.redis_encryption_key_v3>' });
  const { removed, added } = assertOnlyKeyLines(before, after);
  assert.equal(removed, ['        current: <vault.redis_encryption_key_new>']);
  assert.equal(added, ['        current: <vault.redis_encryption_key_v3>', '          - <vault.redis_encryption_key_new>']);
  assert.ok(after.indexOf('<vault.redis_encryption_key_new>') < after.indexOf('<vault.redis_encryption_key_old>'), 'the moved key is first');
});

test('--drop-old removes the oldest keys', () => {
  const before = read('seed-rotation.yaml');
  const after = rotateKey(before, { cache: 'my-redis', newKey: '<vault.redis_encryption_key_v3>', dropOld: 1 });
  const { removed, added } = assertOnlyKeyLines(before, after);
  assert.equal(removed, ['        current: <vault.redis_encryption_key_new>', '          - <vault.redis_encryption_key_old>']);
  assert.equal(added, ['        current: <vault.redis_encryption_key_v3>', '          - <vault.redis_encryption_key_new>']);
});

test('seed TLS example: comments, blank lines and the rest of the file are untouched', () => {
  const before = read('seed-tls.yaml');
  const after = rotateKey(before, { cache: 'my-redis', newKey: '<vault.redis_encryption_key_v2>' });
  const { removed, added } = assertOnlyKeyLines(before, after);
  assert.is(removed.length, 1);
  assert.is(added.length, 3);
});

test('odd quoting and comments: each key keeps the quoting it was written with, every comment stays', () => {
  const before = read('odd-quoting.yaml');
  const after = rotateKey(before, { cache: 'my-redis', newKey: '<vault.redis_encryption_key_v4>', dropOld: 1 });
  const { removed, added } = assertOnlyKeyLines(before, after);
  assert.equal(removed, ['        current: "<vault.redis_encryption_key_v3>"   # current one', '          - <vault.redis_encryption_key_v1>    # Q1']);
  assert.equal(added, ['        current: "<vault.redis_encryption_key_v4>"   # current one', '          - "<vault.redis_encryption_key_v3>"']);
  for (const comment of before.match(/#.*$/gm) ?? []) if (!comment.includes('Q1')) assert.ok(after.includes(comment), comment);
});

test('flow-style keys: edited inside the brackets', () => {
  const before = read('odd-quoting.yaml');
  const after = rotateKey(before, { cache: 'other', newKey: '<vault.o2>' });
  const { removed, added } = assertOnlyKeyLines(before, after);
  assert.equal(removed, ['    encryption: { keys: { current: <vault.other_key>, old: [<vault.o1>, "<vault.o0>"] } }']);
  assert.equal(added, ['    encryption: { keys: { current: <vault.o2>, old: [<vault.other_key>, <vault.o1>, "<vault.o0>"] } }']);
  const dropped = rotateKey(before, { cache: 'other', newKey: '<vault.o2>', dropOld: 2 });
  assert.ok(dropped.includes('{ current: <vault.o2>, old: [<vault.other_key>] }'), dropped);
});

test('flow-style keys without old: the old list goes inside the braces', () => {
  const before = 'caches:\n  - name: c\n    type: redis\n    redis: { addresses: ["localhost:6379"] }\n    encryption: { keys: { current: "<vault.k1>" } }\n';
  const after = rotateKey(before, { cache: 'c', newKey: '<vault.k2>' });
  assert.is(after, before.replace('{ current: "<vault.k1>" }', '{ current: "<vault.k2>", old: ["<vault.k1>"] }'));
});

test('an empty old list (old: with no value) gets the previous key as its first item', () => {
  const before = read('seed-single.yaml').replace('        current: <vault.redis_encryption_key>\n', '        current: <vault.redis_encryption_key>\n        old:\n');
  const after = rotateKey(before, { cache: 'my-redis', newKey: '<vault.k2>' });
  const { added } = assertOnlyKeyLines(before, after);
  assert.equal(added, ['        current: <vault.k2>', '          - <vault.redis_encryption_key>']);
});

test('CRLF line endings and a file without a final newline are kept as they are', () => {
  const before = read('seed-single.yaml').replace(/\n/g, '\r\n').replace(/\r\n$/, '');
  const moved = before.replace(/\r\n {4}hashing:[\s\S]*$/, '');
  const after = rotateKey(moved, { cache: 'my-redis', newKey: '<vault.k2>' });
  assert.not.match(after.replace(/\r\n/g, ''), /\n/, 'no bare LF introduced');
  assert.ok(after.endsWith('\r\n          - <vault.redis_encryption_key>\r\n'), JSON.stringify(after.slice(-80)));
});

test('refusals: unknown cache, literal keys, a key already in use, dropping the previous key, broken YAML', () => {
  const seed = read('seed-rotation.yaml');
  const refuse = (text: string, options: Parameters<typeof rotateKey>[1], pattern: RegExp) => {
    try {
      rotateKey(text, options);
    } catch (error) {
      assert.instance(error, RotateKeyError);
      assert.match((error as Error).message, pattern);
      return;
    }
    assert.unreachable(`expected a refusal matching ${pattern}`);
  };
  refuse(seed, { cache: 'nope', newKey: '<vault.x>' }, /no cache named "nope" \(caches: my-redis\)/);
  refuse(seed, { cache: 'my-redis', newKey: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }, /must be a secret reference/);
  refuse(seed, { cache: 'my-redis', newKey: '<vault.redis_encryption_key_new>' }, /already one of cache "my-redis"'s keys/);
  refuse(seed, { cache: 'my-redis', newKey: '<vault.redis_encryption_key_old>' }, /already one of/);
  refuse(seed, { cache: 'my-redis', newKey: '<vault.x>', dropOld: 2 }, /would also drop the key that is current until now/);
  const literal = seed.replace('<vault.redis_encryption_key_new>', '"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"');
  refuse(literal, { cache: 'my-redis', newKey: '<vault.x>' }, /is a literal, not a secret reference/);
  refuse('caches: [\n', { cache: 'my-redis', newKey: '<vault.x>' }, /not valid YAML/);
  refuse('version: 1\n', { cache: 'my-redis', newKey: '<vault.x>' }, /declares no caches/);
  refuse(seed.replace(/ {4}encryption:[\s\S]*?(?= {4}hashing)/, '    encryption:\n      disabled: true\n'), { cache: 'my-redis', newKey: '<vault.x>' }, /no encryption.keys.current/);
});

function run(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, 'rotate-key', ...args], { encoding: 'utf8' });
}

test('CLI: writes the file in place, atomically (same mode, no temp file left), and lints clean after', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rotate-key-'));
  try {
    const file = join(dir, 'maverics.yaml');
    writeFileSync(file, read('seed-tls.yaml'));
    chmodSync(file, 0o640);
    const r = run([file, '--cache', 'my-redis', '--new', '<vault.redis_encryption_key_v2>']);
    assert.is(r.status, 0, r.stderr);
    assert.is(r.stdout, '');
    const after = readFileSync(file, 'utf8');
    assert.ok(after.includes('current: <vault.redis_encryption_key_v2>'));
    assert.is(statSync(file).mode & 0o777, 0o640);
    assert.equal(readdirSync(dir), ['maverics.yaml']);
    assert.is(errorCount(after), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: --stdout prints the result and leaves the file alone', () => {
  const file = new URL('seed-rotation.yaml', fixtures).pathname;
  const before = readFileSync(file, 'utf8');
  const r = run([file, '--cache', 'my-redis', '--new', '<vault.k3>', '--drop-old', '1', '--stdout']);
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout, rotateKey(before, { cache: 'my-redis', newKey: '<vault.k3>', dropOld: 1 }));
  assert.is(readFileSync(file, 'utf8'), before);
});

test('CLI refusals: exit 2, one line on stderr, the file unchanged', () => {
  const file = new URL('seed-rotation.yaml', fixtures).pathname;
  const before = readFileSync(file, 'utf8');
  const cases: [string[], RegExp][] = [
    [[file, '--cache', 'nope', '--new', '<vault.x>'], /no cache named "nope"/],
    [[file, '--cache', 'my-redis', '--new', 'literal-key-value'], /must be a secret reference/],
    [[file, '--cache', 'my-redis', '--new', '<vault.redis_encryption_key_old>'], /already one of/],
    [[file, '--cache', 'my-redis', '--new', '<vault.x>', '--drop-old', '5'], /would also drop/],
    [[file, '--cache', 'my-redis', '--new', '<vault.x>', '--drop-old', 'two'], /--drop-old takes a whole number/],
    [[file, '--new', '<vault.x>'], /needs --cache/],
    [[file, '--cache', 'my-redis'], /needs --new/],
    [['--cache', 'my-redis', '--new', '<vault.x>'], /takes one file/],
    [[join(tmpdir(), 'no-such-dir-rotate', 'maverics.yaml'), '--cache', 'my-redis', '--new', '<vault.x>'], /cannot read/],
  ];
  for (const [args, pattern] of cases) {
    const r = run(args);
    assert.is(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.is(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.not.match(r.stderr, /literal-key-value/, 'a refused literal is never echoed');
    assert.is(r.stdout, '');
  }
  assert.is(readFileSync(file, 'utf8'), before);
});

test.run();
