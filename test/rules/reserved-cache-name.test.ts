import { testRule } from '../support/rule-tester.js';

testRule('reserved-cache-name', {
  valid: [
    { name: 'local_default as a mode\'s cache is the built-in cache', code: 'version: 1\noidcProvider:\n  cache: local_default\nsamlProvider:\n  cache: local_default\n' },
    { name: 'a name close to it is fine', code: 'version: 1\ncaches:\n  - {name: local_default_2, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}\n' },
    { name: 'another case is another name', code: 'version: 1\ncaches:\n  - {name: Local_Default, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}\n' },
    { name: 'a name from a reference cannot be judged', code: 'version: 1\ncaches:\n  - {name: <vault.cache_name>, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}\n' },
  ],
  invalid: [
    { name: 'a declared cache named local_default', code: `version: 1
caches:
  - name: local_default
    type: redis
    redis: {addresses: ["localhost:6379"]}
    encryption: {disabled: true}
`, errors: [{ line: 3, column: 11, endLine: 3, endColumn: 24, severity: 'error', message: /`local_default` is reserved for the built-in in-memory cache/ }] },
    { name: 'quoted, and a cache of type cluster', code: 'version: 1\ncaches:\n  - {name: "local_default", type: cluster, cluster: {name: k}}\n', errors: [{ line: 3, column: 12, endColumn: 27 }] },
    { name: 'the second of two caches', code: 'version: 1\ncaches:\n  - {name: a, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}\n  - {name: local_default, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}\n', errors: [{ line: 4, column: 12 }] },
  ],
});
