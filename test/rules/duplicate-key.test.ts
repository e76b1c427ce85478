import { CANARY, testRule } from '../support/rule-tester.js';

testRule('duplicate-key', {
  valid: [
    'version: 1\nlogger: {level: info}\nhealth: {location: /status}\n',
    { name: 'the same key in sibling mappings', code: `version: 1
caches:
  - {name: a, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}
  - {name: b, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}
` },
    { name: 'the same value twice is fine', code: 'version: 1\ntls:\n  a: {caFile: /ca.pem}\n  b: {caFile: /ca.pem}\n' },
    { name: 'a merge key is not a duplicate', code: 'version: 1\ntls:\n  base: &b {caFile: /ca.pem}\n  t:\n    <<: *b\n    minVersion: "1.2"\n' },
  ],
  invalid: [
    { name: 'top level', code: 'version: 1\nlogger: {level: info}\nversion: 2\n', errors: [{ line: 3, column: 1, endLine: 3, endColumn: 8, severity: 'error', message: /duplicate key: this mapping already has this key above/ }] },
    { name: 'nested in a list item', code: `version: 1
caches:
  - name: a
    type: redis
    name: b
`, errors: [{ line: 5, column: 5, endColumn: 9 }] },
    { name: 'flow mapping', code: 'version: 1\nlogger: {level: info, level: debug}\n', errors: [{ line: 2, column: 23, endColumn: 28 }] },
    { name: 'three times gives two', code: 'version: 1\nhealth:\n  location: /a\n  location: /b\n  location: /c\n', errors: [{ line: 4, column: 3 }, { line: 5, column: 3 }] },
    { name: 'a duplicated password is reported without its value', code: `version: 1\ncaches:\n  - redis:\n      password: ${CANARY}\n      password: ${CANARY}2\n`, errors: [{ line: 5, column: 7 }] },
    { name: 'a quoted key equal to a plain one', code: 'version: 1\ntls:\n  t: {caFile: /a}\n  "t": {caFile: /b}\n', errors: [{ line: 4, column: 3, endColumn: 6 }] },
  ],
});
