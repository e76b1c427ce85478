import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseConfig } from '../../src/parse/parse-config.js';

const text = `version: 1
caches:
  - name: my-redis
    type: redis
    redis:
      addresses:
        - "redis.example.com:6379"
        - 'other:6379'
tls:
  "redis-tls":
    minVersion: 1.0
    caFile: /ca.pem
`;
const { sourceMap } = parseConfig(text);

test('the value range of a quoted scalar covers its quotes', () => {
  assert.equal(sourceMap.range(['caches', 0, 'redis', 'addresses', 0]), { line: 7, column: 11, endLine: 7, endColumn: 35 });
});

test('the key range of a mapping entry', () => {
  assert.equal(sourceMap.range(['caches', 0, 'type'], 'key'), { line: 4, column: 5, endLine: 4, endColumn: 9 });
  assert.equal(sourceMap.range(['tls', 'redis-tls'], 'key'), { line: 10, column: 3, endLine: 10, endColumn: 14 });
});

test('a collection value is reported on its first line only', () => {
  const r = sourceMap.range(['caches', 0]);
  assert.is(r.line, 3);
  assert.is(r.endLine, 3);
});

test('a missing path falls back to the nearest existing parent key', () => {
  assert.equal(sourceMap.range(['caches', 0, 'encryption', 'keys', 'current']), sourceMap.range(['caches', 0], 'key'));
  assert.equal(sourceMap.range(['caches', 0, 'redis', 'username']), sourceMap.range(['caches', 0, 'redis'], 'key'));
});

test('scalars are read as written: 1.0 stays 1.0', () => {
  assert.is(sourceMap.scalarSource(['tls', 'redis-tls', 'minVersion']), '1.0');
  assert.is(sourceMap.scalarSource(['caches', 0, 'redis', 'addresses', 1]), 'other:6379');
  assert.is(sourceMap.scalarSource(['caches', 0, 'redis']), undefined);
});

test('has() tells existing paths from missing ones', () => {
  assert.ok(sourceMap.has(['caches', 0, 'redis', 'addresses', 1]));
  assert.not.ok(sourceMap.has(['caches', 0, 'redis', 'addresses', 2]));
  assert.not.ok(sourceMap.has(['nope']));
});

test('placeholders are recognised, empty flow maps are not', () => {
  const p = parseConfig('a: { FILL ME IN }\nb: {}\nc: { x: 1 }\n');
  assert.equal(p.placeholders, [['a']]);
  assert.ok(p.sourceMap.isPlaceholder(['a']));
  assert.not.ok(p.sourceMap.isPlaceholder(['b']));
  assert.not.ok(p.sourceMap.isPlaceholder(['c']));
});

test('string values are listed with their paths in document order', () => {
  const p = parseConfig('a: x\nb:\n  - y\n  - 3\n  - z: w\n');
  assert.equal(p.strings, [
    { path: ['a'], value: 'x' },
    { path: ['b', 0], value: 'y' },
    { path: ['b', 2, 'z'], value: 'w' },
  ]);
});

test.run();
