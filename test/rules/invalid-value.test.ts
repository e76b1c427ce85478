import { testRule } from '../support/rule-tester.js';

testRule('invalid-value', {
  valid: [
    { name: 'every allowed enum value', code: `version: 1
logger: {level: warn}
session: {store: {type: local}}
tls:
  a: {certFile: /c, keyFile: /k, clientAuth: RequireAndVerifyClientCert}
  b: {certFile: /c, keyFile: /k, clientAuth: NoClientCert}
  c: {certFile: /c, keyFile: /k, clientAuth: VerifyClientCertIfGiven}
caches:
  - {name: r, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}
` },
    { name: 'references and templates are never judged', code: `version: 1
logger: {level: "{{ env.LOG_LEVEL }}"}
session: {store: {type: <vault.store_type>}}
tls:
  a: {caFile: /ca, clientAuth: "{{ env.CLIENT_AUTH }}"}
caches:
  - {name: r, type: "{{ env.CACHE_TYPE }}", redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}
` },
    { name: 'placeholders are placeholder-value only', code: 'version: 1\nlogger: {level: { LOG LEVEL }}\nsession: {store: {type: { STORE TYPE }}}\n' },
    { name: 'a number where text is wanted is wrong-type, not invalid-value', code: 'version: 1\nlogger: {level: 3}\n' },
  ],
  invalid: [
    { name: 'redis as a session store says where Redis goes', code: 'version: 1\nsession:\n  store:\n    type: redis\n', errors: [{ line: 4, column: 11, message: /Redis is never a session store; Redis caches are declared under `caches`/ }] },
    { name: 'cache type', code: 'version: 1\ncaches:\n  - name: c\n    type: memcached\n', errors: [{ line: 4, column: 11, endColumn: 20, severity: 'error', message: /^`caches\[0\]\.type` is `memcached`; expected one of `redis`, `cluster`$/ }] },
    { name: 'cache type with a did-you-mean', code: 'version: 1\ncaches:\n  - name: c\n    type: rediss\n', errors: [{ line: 4, column: 11, message: /\(did you mean `redis`\?\)/ }] },
    { name: 'Redis is never a session store', code: 'version: 1\nsession:\n  store:\n    type: redis\n', errors: [{ line: 4, column: 11, message: /`session\.store\.type` is `redis`; expected one of `local`, `cluster`/ }] },
    { name: 'clientAuth', code: 'version: 1\ntls:\n  t:\n    caFile: /ca\n    clientAuth: RequireAndVerifyClientCrt\n', errors: [{ line: 5, column: 17, message: /did you mean `RequireAndVerifyClientCert`/ }] },
    { name: 'clientAuth with the wrong case', code: 'version: 1\ntls:\n  t:\n    caFile: /ca\n    clientAuth: requireandverifyclientcert\n', errors: [{ line: 5, column: 17, message: /did you mean `RequireAndVerifyClientCert`/ }] },
    { name: 'logger level', code: 'version: 1\nlogger:\n  level: verbose\n', errors: [{ line: 3, column: 10, message: /expected one of `debug`, `info`, `warn`, `error`/ }] },
    { name: 'an empty address list', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: []}\n    encryption: {disabled: true}\n', errors: [{ line: 5, column: 24, endColumn: 26, message: /`caches\[0\]\.redis\.addresses` is empty; it needs at least 1 entry/ }] },
    { name: 'a negative timeout', code: 'version: 1\nhttp:\n  readTimeoutSeconds: -1\n', errors: [{ line: 3, column: 23, message: /is -1; it must be at least 0/ }] },
  ],
});
