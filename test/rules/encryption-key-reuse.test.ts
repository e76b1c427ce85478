import { CANARY_KEY_63, testRule } from '../support/rule-tester.js';

const HEX_A = 'a'.repeat(64);
const HEX_B = 'b'.repeat(64);

function keys(flow: string, hashing = ''): string {
  return `version: 1
caches:
  - name: c
    type: redis
    redis: {addresses: ["localhost:6379"]}
    encryption: {keys: ${flow}}
${hashing}`;
}

testRule('encryption-key-reuse', {
  valid: [
    { name: 'the seed\'s rotation example', code: keys('{current: <vault.redis_encryption_key_new>, old: [<vault.redis_encryption_key_old>]}') },
    { name: 'distinct literal keys', code: keys(`{current: "${HEX_A}", old: ["${HEX_B}"]}`) },
    { name: 'the same key in two caches is not a rotation problem', code: `${keys('{current: <vault.k>}')}  - {name: d, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {keys: {current: <vault.k>}}}\n` },
    { name: 'the encryption key reused as the hashing key is another matter', code: keys('{current: <vault.k>}', '    hashing: {keys: {current: <vault.k>}}\n') },
    { name: 'no old keys', code: keys('{current: <vault.k>}') },
  ],
  invalid: [
    { name: 'the same reference as current and old', code: keys('{current: <vault.k>, old: [<vault.k>]}'), errors: [{ line: 6, column: 51, endColumn: 60, severity: 'warning', message: /^the reference <vault\.k> is already used at `current`/ }] },
    { name: 'the same reference twice among old', code: keys('{current: <vault.new>, old: [<vault.o1>, <vault.o2>, <vault.o1>]}'), errors: [{ line: 6, column: 77, message: /already used at `old\[0\]`/ }] },
    { name: 'the same literal key: the message never quotes it', code: keys(`{current: "${CANARY_KEY_63}", old: ["${CANARY_KEY_63}"]}`), errors: [{ line: 6, column: 107, message: /^this key is the same as the one at `current`/ }] },
  ],
});
