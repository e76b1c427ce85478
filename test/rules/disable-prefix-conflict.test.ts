import { testRule } from '../support/rule-tester.js';

function cache(extra: string): string {
  return `version: 1
caches:
  - name: shared
    type: redis
    redis: {addresses: ["127.0.0.1:6379"]}
${extra}`;
}

testRule('disable-prefix-conflict', {
  valid: [
    { name: 'no disablePrefix', code: cache('    encryption: {keys: {current: <vault.k>}}\n') },
    { name: 'disablePrefix with encryption and hashing off', code: cache('    encryption: {disabled: true}\n    hashing: {keys: {disabled: true}}\n    keys: {disablePrefix: true}\n') },
    { name: 'disablePrefix false', code: cache('    encryption: {keys: {current: <vault.k>}}\n    keys: {disablePrefix: false}\n') },
    { name: 'a cluster cache is not a Redis cache', code: 'version: 1\ncaches:\n  - {name: c, type: cluster, cluster: {name: east}, keys: {disablePrefix: true}}\n' },
  ],
  invalid: [
    {
      name: 'both still on',
      code: cache('    encryption: {keys: {current: <vault.k>}}\n    keys:\n      disablePrefix: true\n'),
      errors: [{ line: 8, column: 22, endColumn: 26, severity: 'error', message: /^cache `shared` sets `keys\.disablePrefix: true`, which works only with encryption and hashing off; add `encryption\.disabled: true` and `hashing\.keys\.disabled: true` to this cache, or remove `keys\.disablePrefix`$/ }],
    },
    { name: 'only hashing still on', code: cache('    encryption: {disabled: true}\n    keys: {disablePrefix: true}\n'), errors: [{ line: 7, column: 27, message: /add `hashing\.keys\.disabled: true` to this cache/ }] },
    { name: 'only encryption still on', code: cache('    encryption: {keys: {current: <vault.k>}}\n    hashing: {keys: {disabled: true}}\n    keys: {disablePrefix: true}\n'), errors: [{ line: 8, column: 27, message: /add `encryption\.disabled: true` to this cache/ }] },
    { name: '"true" as a string is not disabled', code: cache('    encryption: {disabled: "true"}\n    hashing: {keys: {disabled: true}}\n    keys: {disablePrefix: true}\n'), errors: [{ line: 8, column: 27, message: /`encryption\.disabled: true`/ }] },
  ],
});
