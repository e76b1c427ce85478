import { testRule } from '../support/rule-tester.js';

testRule('wrong-type', {
  valid: [
    { name: 'a bare 0 at a duration is zero in any unit (Console: an idle timeout of 0 turns it off)', code: 'version: 1\nsession:\n  lifetime: {maxTimeout: 24h, idleTimeout: 0}\n' },
    { name: 'legacy authProvider naming a connector (Microsoft\'s B2C tutorial)', code: 'version: 0.4.2\nauthProvider: azureADB2C\nconnectors:\n  - {name: azureADB2C, type: azure, authType: saml, samlMetadataURL: "https://b2c/metadata.xml", samlConsumerServiceURL: "https://sso/acs"}\n' },
    { name: 'version may be a number or free text', code: 'version: 0.0.1\n' },
    { name: 'version as text', code: 'version: ldap-tls\n' },
    { name: 'feature flags: strings and booleans, dotted', code: `version: 1
features:
  experimental.clusters: "true"
  other: Enabled
  legacy: true
  off: false
` },
    { name: 'feature flags: nested form is not a type error', code: `version: 1
features:
  experimental:
    clusters: "true"
` },
    { name: 'secret references and env templates are never judged', code: `version: 1
http:
  readTimeoutSeconds: "{{ env.READ_TIMEOUT }}"
  writeTimeoutSeconds: <vault.write_timeout>
caches:
  - name: c
    type: redis
    redis:
      addresses: <vault.redis_addresses>
      password: <vault.redis_password>
    encryption:
      disabled: "{{ env.REDIS_ENCRYPTION_DISABLED }}"
      keys: {current: <vault.k>, old: <vault.old_keys>}
logger: {jsonOutput: "{{ env.JSON_LOGS }}"}
` },
    { name: 'a { PLACEHOLDER } is placeholder-value only', code: `version: 1
http:
  readTimeoutSeconds: { READ TIMEOUT }
caches:
  - name: c
    type: redis
    redis:
      addresses: { REDIS ADDRESSES }
    encryption:
      keys: {current: { KEY }}
` },
    { name: 'scalar names: numbers and booleans are read as text', code: `version: 1
caches:
  - {name: 42, type: redis, redis: {addresses: ["localhost:6379"], password: <p>}, encryption: {disabled: true}}
` },
    { name: 'an empty file is required-key\'s warning, not a type error', code: '# nothing here yet\n' },
    { name: 'empty text', code: '' },
  ],
  invalid: [
    { name: 'a bare number where a Go duration belongs: Go reads nanoseconds', code: 'version: 1\nsession:\n  lifetime:\n    maxTimeout: 3600\n    idleTimeout: 900\n', errors: [
      { line: 4, column: 17, message: /^`session\.lifetime\.maxTimeout` is the bare number 3600: Go reads a number as nanoseconds, so this is 3\.6 µs; write a duration with a unit such as 1h$/ },
      { line: 5, column: 18, message: /so this is 900 ns; write a duration with a unit such as 15m$/ },
    ] },
    { name: 'a string where a list belongs', code: `version: 1
caches:
  - name: c
    type: redis
    redis:
      addresses: "redis.example.com:6379"
    encryption: {disabled: true}
`, errors: [{ line: 6, column: 18, endLine: 6, endColumn: 42, severity: 'error', message: /`caches\[0\]\.redis\.addresses` must be a list .*got a string; write it as a list/ }] },
    { name: 'a quoted boolean', code: `version: 1
caches:
  - name: c
    type: redis
    redis: {addresses: ["localhost:6379"]}
    encryption: {disabled: "true", keys: {current: <k>}}
`, errors: [{ line: 6, column: 28, message: /must be true or false, got the string "true"; write true or false without quotes/ }] },
    { name: 'a mapping where a list belongs', code: `version: 1
caches:
  name: c
`, errors: [{ line: 3, column: 3, message: /`caches` must be a list/ }] },
    { name: 'a list where a mapping belongs', code: `version: 1
tls:
  - caFile: /ca.pem
`, errors: [{ line: 3, column: 3, message: /`tls` must be a mapping/ }] },
    { name: 'the top level is a list', code: '- version: 1\n', errors: [{ line: 1, column: 1, message: /top level of a maverics\.yaml must be a mapping.*not a list/ }] },
    { name: 'the top level is a single value', code: 'just text\n', errors: [{ line: 1, column: 1, message: /not a single value/ }] },
    { name: 'a feature flag that is a list', code: `version: 1
features:
  experimental.clusters: [true]
`, errors: [{ line: 3, column: 26 }] },
    { name: 'a timeout that is text', code: `version: 1
http:
  readTimeoutSeconds: ten
`, errors: [{ line: 3, column: 23, endColumn: 26, message: /must be a whole number, got a string/ }] },
    { name: 'a TLS reference that is a mapping of values (not a placeholder)', code: `version: 1
http:
  tls: {name: server}
`, errors: [{ line: 3, column: 8, message: /`http\.tls` must be a string, got a mapping/ }] },
  ],
});
