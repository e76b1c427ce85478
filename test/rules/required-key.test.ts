import { testRule } from '../support/rule-tester.js';

const tls = 'tls:\n  t: {caFile: /ca.pem}\n';

testRule('required-key', {
  valid: [
    { name: 'the seed\'s simplest cache', code: `version: 1
caches:
  - name: my-redis
    type: redis
    redis:
      addresses:
        - "redis.example.com:6379"
      tls: t
    encryption:
      keys:
        current: <vault.redis_encryption_key>
${tls}` },
    { name: 'encryption disabled needs no keys', code: 'version: 1\ncaches:\n  - {name: c, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}\n' },
    { name: 'hashing keys are optional', code: 'version: 1\ncaches:\n  - {name: c, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {keys: {current: <k>}}, hashing: {keys: {disabled: false}}}\n' },
    { name: 'a cluster cache needs no redis', code: 'version: 1\nfeatures: {experimental.clusters: "true"}\nclusters: [{name: k, encryption: {psk: <vault.psk>}}]\ncaches:\n  - {name: c, type: cluster, cluster: {name: k}}\n' },
    { name: 'a value from a reference or template counts as present', code: 'version: 1\ncaches:\n  - {name: "{{ env.CACHE }}", type: redis, redis: {addresses: <vault.addrs>}, encryption: {keys: {current: "{{ env.KEY }}"}}}\n' },
    { name: 'an encryption key left as a { PLACEHOLDER } is present (placeholder-value reports it)', code: 'version: 1\ncaches:\n  - {name: c, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {keys: {current: { KEY }}}}\n' },
    { name: 'disabled from an env template may turn encryption off: keys not required', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["localhost:6379"]}\n    encryption:\n      disabled: "{{ env.REDIS_ENCRYPTION_OFF }}"\n' },
    { name: 'disabled from a secret reference: keys not required', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["localhost:6379"]}\n    encryption: {disabled: <vault.encryption_off>}\n' },
    { name: 'disabled left as a placeholder gives placeholder-value only', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["localhost:6379"]}\n    encryption:\n      disabled: { ENCRYPTION DISABLED }\n' },
    { name: 'a quoted "true" is wrong-type\'s; keys are not also demanded', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["localhost:6379"]}\n    encryption: {disabled: "true"}\n' },
    { name: 'redis, encryption and keys left as placeholders', code: 'version: 1\ncaches:\n  - name: a\n    type: redis\n    redis: { REDIS SETTINGS }\n    encryption: { ENCRYPTION SETTINGS }\n  - name: b\n    type: redis\n    redis: {addresses: ["localhost:6379"]}\n    encryption: {keys: { KEYS }}\n' },
    { name: 'addresses merged in with a YAML merge key (Go\'s decoder honours <<)', code: 'version: 1\ncaches:\n  - name: base\n    type: redis\n    redis: &redis\n      addresses: ["localhost:6379"]\n    encryption: &enc {keys: {current: <vault.k>}}\n  - name: copy\n    type: redis\n    redis:\n      <<: *redis\n      username: other\n    encryption: *enc\n' },
  ],
  invalid: [
    { name: 'a cluster needs encryption.psk', code: 'version: 1\nfeatures: {experimental.clusters: "true"}\nclusters:\n  - name: a\n  - name: b\n    encryption: {nodeKey: {file: /node.key}}\n', errors: [
      { line: 4, column: 5, message: /^`clusters\[0\]` is missing the required key `encryption`$/ },
      { line: 6, column: 5, message: /^`clusters\[1\]\.encryption` is missing the required key `psk`$/ },
    ] },
    { name: 'the keys a connector type requires, named once for the connector', code: 'version: 1\nconnectors:\n  - name: idp\n    type: oidc\n', errors: [{ line: 3, column: 5, message: /^`connectors\[0\]` \(type oidc\) is missing the required keys `oidcWellKnownURL`, `oauthClientID`, `oauthClientSecret`$/ }] },
    { name: 'no version is a warning (the vendor\'s own examples omit it)', code: 'logger: {level: info}\n', errors: [{ line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', message: /no `version`/ }] },
    { name: 'an empty file is a warning', code: '\n', errors: [{ line: 1, column: 1, severity: 'warning', message: /holds no configuration/ }] },
    { name: 'a cache without a name, at the parent', code: 'version: 1\ncaches:\n  - type: redis\n    redis: {addresses: ["localhost:6379"]}\n    encryption: {disabled: true}\n', errors: [{ line: 3, column: 5, severity: 'error', message: /`caches\[0\]` is missing `name`/ }] },
    { name: 'a cache without a type', code: 'version: 1\ncaches:\n  - name: c\n', errors: [{ line: 3, column: 5, message: /is missing `type`/ }] },
    { name: 'a redis cache without redis', code: 'version: 1\ncaches:\n  - {name: c, type: redis, encryption: {disabled: true}}\n', errors: [{ line: 3, column: 5, message: /a redis cache without `redis`; add `redis\.addresses`/ }] },
    { name: 'redis without addresses, at the redis key', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      password: <p>\n    encryption: {disabled: true}\n', errors: [{ line: 5, column: 5, endColumn: 10, message: /`caches\[0\]\.redis` has no `addresses`/ }] },
    { name: 'a redis cache without encryption', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["localhost:6379"]}\n', errors: [{ line: 3, column: 5, message: /without `encryption`: values are encrypted by default/ }] },
    { name: 'encryption without keys', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["localhost:6379"]}\n    encryption: {}\n', errors: [{ line: 6, column: 5, endColumn: 15, message: /has no `keys`: encryption is on/ }] },
    { name: 'keys without current (only old)', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["localhost:6379"]}\n    encryption:\n      keys:\n        old: [<k>]\n', errors: [{ line: 7, column: 7, message: /has no `current` key/ }] },
    { name: 'disabled: false still needs keys', code: 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis: {addresses: ["localhost:6379"]}\n    encryption: {disabled: false}\n', errors: [{ line: 6, column: 5, message: /has no `keys`/ }] },
    { name: 'a cluster cache without cluster', code: 'version: 1\ncaches:\n  - {name: c, type: cluster}\n', errors: [{ line: 3, column: 5, message: /cache of type cluster without `cluster\.name`/ }] },
  ],
});
