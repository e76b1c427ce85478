/**
 * One grammar for a Redis address: what lint's redis-address rule accepts is exactly what the
 * runtime parses, including the cases where two grammars once disagreed (`[abc]:6379`, `h:065535`).
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addressProblem, parseRedisAddress } from '../../src/config/redis-address.js';
import { lintText } from '../../src/pipeline/lint.js';

const lintsClean = (address: string): boolean =>
  !lintText(`version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses: [${JSON.stringify(address)}]\n`).diagnostics.some((d) => d.ruleId === 'redis-address');

test('host:port and [IPv6]:port parse; everything else is refused', () => {
  assert.equal(parseRedisAddress('redis.example.com:6379'), { host: 'redis.example.com', port: 6379, text: 'redis.example.com:6379' });
  assert.equal(parseRedisAddress('10.0.0.1:1'), { host: '10.0.0.1', port: 1, text: '10.0.0.1:1' });
  assert.equal(parseRedisAddress('[::1]:6380'), { host: '::1', port: 6380, text: '[::1]:6380' });
  for (const bad of ['redis://h:1', 'h', 'h:', ':6379', 'h:0', 'h:65536', '::1:6379', '[nothex]:1', 'h :1', '[::1]', 'h:1:2']) {
    assert.is(parseRedisAddress(bad), undefined, bad);
  }
});

test('lint and the runtime agree where two grammars once did not', () => {
  // Brackets hold an IPv6 address only; a port may have leading zeros, as Go's parser allows.
  assert.is(parseRedisAddress('[abc]:6379'), undefined);
  assert.not.ok(lintsClean('[abc]:6379'));
  assert.equal(parseRedisAddress('h:065535'), { host: 'h', port: 65535, text: 'h:065535' });
  assert.ok(lintsClean('h:065535'));
});

test('for any text, lint accepts an address exactly when the runtime parses it', () => {
  const piece = fc.constantFrom('h', 'redis.example.com', '10.0.0.1', '[::1]', '[abc]', '::1', ':', '@', '?', '//', 'redis://', ' ', '0', '6379', '65536', '065535', '[', ']');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
      const address = parts.join('');
      if (address.trim() !== address || address === '') return;
      assert.is(parseRedisAddress(address) !== undefined, addressProblem(address) === undefined, address);
      assert.is(lintsClean(address), parseRedisAddress(address) !== undefined, address);
    }),
    { seed: 20261130, numRuns: 400 },
  );
});

test.run();
