import { testRule } from '../support/rule-tester.js';

function cache(encryption: string, type = 'redis'): string {
  return `version: 1
caches:
  - name: sessions-cache
    type: ${type}
    redis: {addresses: ["localhost:6379"]}
    encryption: ${encryption}
`;
}

testRule('encryption-disabled', {
  valid: [
    { name: 'encryption on (the default)', code: cache('{keys: {current: <vault.k>}}') },
    { name: 'disabled: false', code: cache('{disabled: false, keys: {current: <vault.k>}}') },
    { name: 'an env template cannot be judged', code: cache('{disabled: "{{ env.NO_ENCRYPTION }}", keys: {current: <k>}}') },
    { name: 'not a redis cache', code: 'version: 1\ncaches:\n  - {name: c, type: cluster, cluster: {name: k}, encryption: {disabled: true}}\n' },
  ],
  invalid: [
    { name: 'disabled: true, at the value', code: cache('\n      disabled: true'), errors: [{ line: 7, column: 17, endColumn: 21, severity: 'warning', message: /^cache `sessions-cache` stores values in Redis unencrypted/ }] },
    { name: 'flow form', code: cache('{disabled: true}'), errors: [{ line: 6, column: 28 }] },
    { name: 'each cache', code: 'version: 1\ncaches:\n  - {name: a, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}\n  - {name: b, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}\n', errors: [{ line: 3, column: 91, message: /cache `a`/ }, { line: 4, column: 91, message: /cache `b`/ }] },
  ],
});
