// Positions do not depend on line endings or a byte-order mark: the same file saved by another
// editor gives the same line:column for every diagnostic.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lint } from '../support/rule-tester.js';

const code = `version: 1
caches:
  - name: c
    type: redis
    redis:
      addresses: ["redis://h:6379"]
      tls: redis-tl
    encryption: {keys: {current: abc}}
tls:
  redis-tls: {minVersion: 1.0}
`;

const positions = (text: string) => lint(text).map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId}`);

test('LF', () => {
  assert.equal(positions(code), [
    '6:19-6:35 redis-address',
    '7:12-7:20 unknown-tls-profile',
    '8:34-8:37 encryption-key-format',
    '8:34-8:37 plaintext-secret',
    '10:3-10:12 unused-tls-profile',
    '10:27-10:30 tls-min-version',
  ]);
});

test('CRLF gives the same positions', () => {
  assert.equal(positions(code.replace(/\n/g, '\r\n')), positions(code));
});

test('a byte-order mark gives the same positions', () => {
  assert.equal(positions(`\uFEFF${code}`), positions(code));
});

test('diagnostics come sorted by line, column, rule id', () => {
  const all = lint(code);
  const sorted = [...all].sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  assert.equal(all, sorted);
});

test.run();
