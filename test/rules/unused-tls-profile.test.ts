import { testRule } from '../support/rule-tester.js';

const server = '{certFile: /c.pem, keyFile: /k.pem}';

testRule('unused-tls-profile', {
  valid: [
    { name: 'every profile referenced', code: `version: 1
http:
  hosts:
    - {host: a, default: true, tls: edge}
tls:
  edge: ${server}
  idp: {caFile: /ca.pem}
  redis-tls: {caFile: /ca.pem}
connectors:
  - {name: c, tls: idp}
caches:
  - {name: r, type: redis, redis: {addresses: ["r.example.com:6379"], tls: redis-tls}, encryption: {keys: {current: <k>}}}
` },
    { name: 'a tls key of an app type this project does not model still counts as a use', code: `version: 1\napps:\n  - name: a\n    type: proxy\n    upstream: {url: "https://x", tls: upstream}\ntls:\n  upstream: {caFile: /ca}\n` },
    { name: 'legacy listenAddress serves with the maverics profile', code: `version: 1\nlistenAddress: ":443"\ntls:\n  maverics: ${server}\n` },
    { name: 'legacy appgateways', code: 'version: 1\nappgateways:\n  - {name: g, tls: up}\ntls:\n  up: {caFile: /ca}\n' },
    { name: 'no tls at all', code: 'version: 1\n' },
  ],
  invalid: [
    { name: 'a profile nobody references, at its key', code: `version: 1
tls:
  redis-tls:
    caFile: /ca.pem
`, errors: [{ line: 3, column: 3, endColumn: 12, severity: 'warning', message: /^the TLS profile `redis-tls` is not referenced by http\.tls, http\.hosts\[\]\.tls, a connector or a cache; remove it or reference it$/ }] },
    { name: 'one used, one not (as in poddar007 before its appgateways)', code: `version: 1\nhttp: {tls: srv}\ntls:\n  srv: ${server}\n  spare: {caFile: /ca}\n`, errors: [{ line: 5, column: 3, message: /`spare`/ }] },
    { name: 'a reference that is a different name does not use it', code: 'version: 1\nconnectors:\n  - {name: c, tls: redis-tl}\ntls:\n  redis-tls: {caFile: /ca}\n', errors: [{ line: 5, column: 3 }] },
    { name: 'a string inside the tls section itself is not a use', code: 'version: 1\ntls:\n  a: {caFile: /ca}\n  b: {caFile: a}\n', errors: [{ line: 3, column: 3 }, { line: 4, column: 3 }] },
  ],
});
