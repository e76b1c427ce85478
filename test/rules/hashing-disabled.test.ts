import { testRule } from '../support/rule-tester.js';

function cache(hashing: string): string {
  return `version: 1
caches:
  - name: c
    type: redis
    redis: {addresses: ["localhost:6379"]}
    encryption: {keys: {current: <vault.k>}}
    hashing: ${hashing}
`;
}

testRule('hashing-disabled', {
  valid: [
    { name: 'hashing with a key (the seed)', code: cache('{keys: {current: <vault.redis_hashing_key>}}') },
    { name: 'disabled: false (as in the nickgamb configs)', code: cache('{keys: {disabled: false}}') },
    { name: 'no hashing section', code: 'version: 1\ncaches:\n  - {name: c, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {keys: {current: <k>}}}\n' },
    { name: 'the misplaced hashing.disabled is unknown-key\'s, not this rule\'s', code: cache('{disabled: true}') },
  ],
  invalid: [
    { name: 'hashing.keys.disabled: true, at the value', code: cache('\n      keys:\n        disabled: true'), errors: [{ line: 9, column: 19, endColumn: 23, severity: 'warning', message: /^cache `c` stores key names in Redis in the clear/ }] },
    { name: 'flow form', code: cache('{keys: {disabled: true}}'), errors: [{ line: 7, column: 32 }] },
  ],
});
