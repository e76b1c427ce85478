import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inspect } from 'node:util';
import { Envelope, ENVELOPE_OVERHEAD, keyIdOf } from '../../src/cache/envelope.js';
import { CacheError } from '../../src/cache/cache.js';
import { hexKey, secret } from '../support/redis-specs.js';

const now = 1_700_000_000_000;

test('seal then open returns the value; the format is version | key id | nonce | ciphertext | tag', () => {
  const key = hexKey();
  const env = new Envelope('c', secret(key));
  const value = Buffer.from('hello world');
  const sealed = env.seal('k', value, 0);
  assert.is(sealed.length, value.length + ENVELOPE_OVERHEAD);
  assert.is(sealed[0], 1);
  assert.ok(sealed.subarray(1, 9).equals(keyIdOf(Buffer.from(key, 'hex'))));
  assert.not.ok(sealed.includes(value), 'plaintext must not appear');
  const opened = env.open('k', sealed, now);
  assert.ok(opened.ok && opened.value.equals(value));
});

test('empty and large values round-trip; nonces differ every time', () => {
  const env = new Envelope('c', secret(hexKey()));
  for (const size of [0, 1, 15, 16, 17, 1024, 1 << 20]) {
    const value = Buffer.alloc(size, 7);
    const opened = env.open('k', env.seal('k', value, 0), now);
    assert.ok(opened.ok && opened.value.equals(value), `size ${size}`);
  }
  const nonces = new Set<string>();
  for (let i = 0; i < 2000; i++) nonces.add(env.seal('k', Buffer.from('x'), 0).subarray(9, 21).toString('hex'));
  assert.is(nonces.size, 2000);
});

test('every single bit flip is refused as tag-mismatch, unknown-key, version or malformed, never garbage', () => {
  const env = new Envelope('c', secret(hexKey()));
  const sealed = env.seal('k', Buffer.from('a secret value'), 0);
  for (let bit = 0; bit < sealed.length * 8; bit++) {
    const copy = Buffer.from(sealed);
    copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
    const opened = env.open('k', copy, now);
    assert.not.ok(opened.ok, `bit ${bit} accepted`);
  }
});

test('truncated and empty inputs are malformed, not thrown', () => {
  const env = new Envelope('c', secret(hexKey()));
  const sealed = env.seal('k', Buffer.from('v'), 0);
  for (let n = 0; n < sealed.length; n++) {
    const opened = env.open('k', sealed.subarray(0, n), now);
    assert.not.ok(opened.ok);
  }
  const r = env.open('k', Buffer.alloc(0), now);
  assert.equal(r, { ok: false, reason: 'malformed' });
  assert.equal(env.open('k', Buffer.alloc(100, 2), now), { ok: false, reason: 'unsupported-version' });
});

test('a value is bound to its logical key and its cache name', () => {
  const key = secret(hexKey());
  const a = new Envelope('cache-a', key);
  const b = new Envelope('cache-b', key);
  const sealed = a.seal('user:1', Buffer.from('v'), 0);
  assert.equal(a.open('user:2', sealed, now), { ok: false, reason: 'tag-mismatch' });
  assert.equal(b.open('user:1', sealed, now), { ok: false, reason: 'tag-mismatch' });
  // Length-prefixed cache name: ("ab","c") and ("a","bc") must not collide.
  const ab = new Envelope('ab', key);
  const a2 = new Envelope('a', key);
  assert.not.ok(a2.open('bc', ab.seal('c', Buffer.from('v'), 0), now).ok);
});

test('rotation: current encrypts, old decrypts; an unknown key id is refused without trying keys', () => {
  const oldKey = hexKey();
  const newKey = hexKey();
  const before = new Envelope('c', secret(oldKey));
  const after = new Envelope('c', secret(newKey), [secret(oldKey)]);
  const onlyNew = new Envelope('c', secret(newKey));
  const sealedOld = before.seal('k', Buffer.from('v1'), 0);
  const r = after.open('k', sealedOld, now);
  assert.ok(r.ok && r.value.toString() === 'v1');
  assert.equal(onlyNew.open('k', sealedOld, now), { ok: false, reason: 'unknown-key' });
  const sealedNew = after.seal('k', Buffer.from('v2'), 0);
  assert.ok(sealedNew.subarray(1, 9).equals(keyIdOf(Buffer.from(newKey, 'hex'))));
  assert.equal(before.open('k', sealedNew, now), { ok: false, reason: 'unknown-key' });
});

test('the expiry travels inside the ciphertext: an expired envelope is refused', () => {
  const env = new Envelope('c', secret(hexKey()));
  const sealed = env.seal('k', Buffer.from('v'), now + 1000);
  assert.ok(env.open('k', sealed, now + 999).ok);
  assert.equal(env.open('k', sealed, now + 1000), { ok: false, reason: 'expired' });
  assert.ok(env.open('k', env.seal('k', Buffer.from('v'), 0), Number.MAX_SAFE_INTEGER).ok, '0 means never');
  // Far-future expiries keep their high bits.
  const far = Date.UTC(3000, 0, 1);
  assert.ok(env.open('k', env.seal('k', Buffer.from('v'), far), far - 1).ok);
  assert.not.ok(env.open('k', env.seal('k', Buffer.from('v'), far), far).ok);
});

test('bad keys are refused with an error that names the reference, never the key', () => {
  const bad = ['', 'abc', 'g'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), `${'a'.repeat(62)} b`, 'CANARY-' + 'a'.repeat(57)];
  for (const value of bad) {
    try {
      new Envelope('c', secret(value, 'vault.redis_key'));
      assert.unreachable(`accepted ${value.length} chars`);
    } catch (err) {
      assert.instance(err, CacheError);
      const e = err as CacheError;
      assert.is(e.code, 'ECACHE_KEY_FORMAT');
      assert.match(e.message, 'vault.redis_key');
      assert.match(e.message, '64 hexadecimal');
      if (value) assert.not.ok(e.message.includes(value) || inspect(e).includes(value), 'key leaked');
    }
  }
  try {
    new Envelope('c', secret(hexKey()), [secret('nothex', 'vault.old')]);
    assert.unreachable();
  } catch (err) {
    assert.match((err as Error).message, 'old encryption key #1 from <vault.old>');
  }
  new Envelope('c', secret(hexKey().toUpperCase()));
});

test.run();
