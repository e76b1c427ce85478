import { CANARY, CANARY_KEY_63, testRule } from '../support/rule-tester.js';

const HEX = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/** A redis cache with `keys` (a flow mapping) under encryption; the mapping starts on line 6 column 11. */
function keys(flow: string): string {
  return `version: 1
caches:
  - name: c
    type: redis
    redis: {addresses: ["localhost:6379"]}
    encryption: {keys: ${flow}}
`;
}

testRule('encryption-key-format', {
  valid: [
    { name: 'a secret reference (the seed\'s form)', code: keys('{current: <vault.redis_encryption_key>}') },
    { name: 'rotation with references', code: keys('{current: <vault.redis_encryption_key_new>, old: [<vault.redis_encryption_key_old>]}') },
    { name: 'an env template', code: keys('{current: "{{ env.REDIS_ENCRYPTION_KEY }}"}') },
    { name: '64 lower-case hex', code: keys(`{current: "${HEX}"}`) },
    { name: '64 upper-case hex, unquoted', code: keys(`{current: ${HEX.toUpperCase()}}`) },
    { name: 'a placeholder is placeholder-value only', code: keys('{current: { ENCRYPTION KEY }}') },
    { name: 'keys of a cache with encryption disabled are still checked only when present', code: keys('{}').replace('encryption: {keys: {}}', 'encryption: {disabled: true}') },
    { name: 'hashing keys are not encryption keys', code: `${keys('{current: <k>}')}    hashing: {keys: {current: short}}\n` },
  ],
  invalid: [
    { name: '63 characters of canary: length and kind only, never the key', code: keys(`{current: ${CANARY_KEY_63}}`), errors: [{ line: 6, column: 34, endColumn: 97, severity: 'error', message: /^this encryption key has 63 characters including letters beyond f and punctuation or symbols; AES-256-GCM needs exactly 64 hex characters \(32 bytes\)/ }] },
    { name: '63 hex characters', code: keys(`{current: "${HEX.slice(1)}"}`), errors: [{ line: 6, column: 34, message: /has 63 characters of hex, not 64/ }] },
    { name: '65 hex characters', code: keys(`{current: "${HEX}a"}`), errors: [{ line: 6, column: 34, message: /has 65 characters of hex, not 64/ }] },
    { name: '64 characters with a non-hex letter', code: keys(`{current: "${HEX.slice(1)}g"}`), errors: [{ line: 6, column: 34, message: /has 64 characters including letters beyond f/ }] },
    { name: 'base64 of 32 bytes', code: keys('{current: "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA="}'), errors: [{ line: 6, column: 34, message: /\(it looks like base64; use hex\)/ }] },
    { name: 'whitespace inside', code: keys(`{current: "${HEX.slice(0, 32)} ${HEX.slice(32)}"}`), errors: [{ line: 6, column: 34, message: /including whitespace/ }] },
    { name: 'one character', code: keys('{current: "a"}'), errors: [{ line: 6, column: 34, message: /has 1 character of hex, not 64/ }] },
    { name: 'empty', code: keys('{current: ""}'), errors: [{ line: 6, column: 34, message: /has 0 characters of hex/ }] },
    { name: 'an unquoted number', code: keys('{current: 1234}'), errors: [{ line: 6, column: 34, message: /got a number \(quote it\)/ }] },
    { name: 'old keys are checked too, each on its own', code: keys(`{current: <k>, old: ["${CANARY}", <k2>, "${HEX}", "${HEX.slice(2)}"]}`), errors: [{ line: 6, column: 45 }, { line: 6, column: 142, message: /62 characters of hex/ }] },
  ],
});
