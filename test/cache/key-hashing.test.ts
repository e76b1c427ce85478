import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHmac } from 'node:crypto';
import { KeyHasher } from '../../src/cache/key-hashing.js';
import { hexKey, secret } from '../support/redis-specs.js';

test('keyed: HMAC-SHA256 over the length-prefixed cache name and the key, under a per-cache prefix', () => {
  const key = hexKey();
  const h = new KeyHasher('sessions', { disabled: false, current: secret(key), old: [] });
  assert.is(h.mode, 'keyed');
  assert.equal(h.warnings, []);
  const name = Buffer.from('sessions');
  const prefix = Buffer.alloc(2);
  prefix.writeUInt16BE(name.length);
  const expected = createHmac('sha256', Buffer.from(key, 'hex')).update(prefix).update(name).update('user:42').digest('hex');
  assert.is(h.primary('user:42'), `maverics:sessions:${expected}`);
  assert.not.match(h.primary('user:42'), 'user');
  assert.equal(h.variants('user:42'), [h.primary('user:42')]);
});

test('the HMAC matches createHmac for hex keys, short byte keys and keys longer than a block', () => {
  for (const text of [hexKey(), 'short', 'x'.repeat(64), 'y'.repeat(65), 'z'.repeat(300)]) {
    const h = new KeyHasher('c', { disabled: false, current: secret(text), old: [] });
    const bytes = /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text);
    for (const k of ['a', 'user:42', 'ü'.repeat(100), 'k'.repeat(1000)]) {
      const expected = createHmac('sha256', bytes).update(Buffer.from([0, 1, 0x63])).update(k, 'utf8').digest('hex');
      assert.is(h.primary(k), `maverics:c:${expected}`, `${text.length}-char key, ${k.length}-char name`);
    }
  }
});

test('domain separation: same hashing key, different cache names give different Redis keys', () => {
  const key = secret(hexKey());
  const a = new KeyHasher('a', { disabled: false, current: key, old: [] });
  const b = new KeyHasher('b', { disabled: false, current: key, old: [] });
  assert.is.not(a.primary('k').split(':')[2], b.primary('k').split(':')[2]);
});

test('old hashing keys: variants list current first, then each old key once', () => {
  const cur = hexKey();
  const old = hexKey();
  const h = new KeyHasher('c', { disabled: false, current: secret(cur), old: [secret(old), secret(cur)] });
  const before = new KeyHasher('c', { disabled: false, current: secret(old), old: [] });
  assert.equal(h.variants('k'), [h.primary('k'), before.primary('k')]);
  assert.equal(h.oldVariants('k'), [before.primary('k')]);
});

test('disabled: the raw key, still prefixed per cache', () => {
  const h = new KeyHasher('c', { disabled: true, current: secret(hexKey()), old: [] });
  assert.is(h.primary('user:42'), 'maverics:c:user:42');
  assert.equal(h.warnings, []);
});

test('no hashing key: unkeyed SHA-256 and a warning that says what it costs', () => {
  const h = new KeyHasher('c', { disabled: false, old: [] });
  assert.is(h.mode, 'unkeyed');
  assert.match(h.primary('k'), /^maverics:c:[0-9a-f]{64}$/);
  assert.is(h.warnings.length, 1);
  assert.match(h.warnings[0] as string, /unkeyed SHA-256/);
  assert.match(h.warnings[0] as string, /dictionary/);
});

test('a hashing key that is not 64 hex is used as bytes, with a warning naming the reference only', () => {
  const h = new KeyHasher('c', { disabled: false, current: secret('CANARY-short-hash-key', 'vault.hash'), old: [] });
  assert.is(h.mode, 'keyed');
  assert.is(h.warnings.length, 1);
  assert.match(h.warnings[0] as string, 'vault.hash');
  assert.not.match(h.warnings[0] as string, 'CANARY');
});

test('the SCAN pattern escapes glob characters in the cache name', () => {
  const h = new KeyHasher('a*b', { disabled: false, current: secret(hexKey()), old: [] });
  assert.is(h.pattern, 'maverics:a\\*b:*');
});

test.run();
