import { CANARY_KEY_63, testRule } from '../support/rule-tester.js';

const HEX = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';

function keys(flow: string): string {
  return `version: 1
caches:
  - name: c
    type: redis
    redis: {addresses: ["localhost:6379"]}
    encryption: {keys: {current: <vault.k>}}
    hashing: {keys: ${flow}}
`;
}

testRule('hashing-key-format', {
  valid: [
    { name: 'a secret reference (the seed\'s form)', code: keys('{current: <vault.redis_hashing_key>}') },
    { name: 'no hashing key at all (real configs omit it)', code: keys('{disabled: false}') },
    { name: 'an env template', code: keys('{current: "{{ env.HASH_KEY }}"}') },
    { name: '64 hex', code: keys(`{current: "${HEX}", old: ["${HEX.toUpperCase()}"]}`) },
    { name: 'a placeholder', code: keys('{current: { HASHING KEY }}') },
  ],
  invalid: [
    { name: 'a canary of 63 characters is a warning and is never quoted', code: keys(`{current: ${CANARY_KEY_63}}`), errors: [{ line: 7, column: 31, endColumn: 94, severity: 'warning', message: /^this hashing key has 63 characters including letters beyond f and punctuation or symbols; use 64 hex characters/ }] },
    { name: 'short hex', code: keys('{current: "abc"}'), errors: [{ line: 7, column: 31, message: /has 3 characters of hex, not 64/ }] },
    { name: 'an old key', code: keys(`{current: <k>, old: ["${HEX}", "${HEX}0"]}`), errors: [{ line: 7, column: 110, message: /65 characters of hex/ }] },
  ],
});
