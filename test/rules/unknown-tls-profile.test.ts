import { testRule } from '../support/rule-tester.js';

const server = '{certFile: /c.pem, keyFile: /k.pem}';

testRule('unknown-tls-profile', {
  valid: [
    { name: 'the seed\'s redis-tls profile', code: `version: 1
caches:
  - name: my-redis
    type: redis
    redis:
      addresses: ["redis.example.com:6379"]
      tls: redis-tls
    encryption: {keys: {current: <vault.k>}}
tls:
  "redis-tls":
    caFile: "/etc/maverics/certs/redis-ca.pem"
    minVersion: "1.2"
` },
    { name: 'every reference site', code: `version: 1
http:
  hosts:
    - {host: a.example.com, tls: edge}
tls:
  edge: ${server}
  idp: {caFile: /ca.pem}
connectors:
  - {name: okta, tls: idp}
` },
    { name: 'http.tls', code: `version: 1\nhttp: {tls: srv}\ntls:\n  srv: ${server}\n` },
    { name: 'a reference to a secret or env name cannot be judged', code: 'version: 1\nconnectors:\n  - {name: c, tls: <vault.profile>}\n  - {name: d, tls: "{{ env.TLS_PROFILE }}"}\n' },
    { name: 'a placeholder is placeholder-value only', code: 'version: 1\nhttp:\n  tls: { TLS PROFILE NAME }\n' },
    { name: 'an MCP Proxy app\'s streaming upstream', code: 'version: 1\napps:\n  - {name: m, type: mcpProxy, upstream: {transport: stream, stream: {url: "https://mcp.example.com", tls: mcp}}}\ntls:\n  mcp: {caFile: /ca.pem}\n' },
    { name: 'legacy appgateways naming a profile that exists', code: `version: 1\nappgateways:\n  - {name: g, tls: up}\ntls:\n  up: {caFile: /ca}\n` },
  ],
  invalid: [
    { name: 'redis-tl → redis-tls', code: `version: 1
caches:
  - name: c
    type: redis
    redis: {addresses: ["redis.example.com:6379"], tls: redis-tl}
    encryption: {keys: {current: <vault.k>}}
tls:
  redis-tls: {caFile: /ca.pem}
`, errors: [{ line: 5, column: 57, endColumn: 65, severity: 'error', message: /^no TLS profile named `redis-tl` under the top-level `tls`; did you mean `redis-tls`\?$/ }] },
    { name: 'no tls section at all', code: 'version: 1\nhttp:\n  tls: maverics\n', errors: [{ line: 3, column: 8, message: /no TLS profile named `maverics`.*; add one/ }] },
    { name: 'nothing close: the profiles are listed', code: `version: 1\nconnectors:\n  - {name: c, tls: ldap}\ntls:\n  edge: ${server}\n  vault: {caFile: /ca}\n`, errors: [{ line: 3, column: 20, message: /\(profiles: `edge`, `vault`\)/ }] },
    { name: 'a host and a connector', code: `version: 1
http:
  hosts:
    - {host: a, tls: edge}
    - {host: b, tls: egde}
tls:
  edge: ${server}
connectors:
  - {name: c, tls: missing}
`, errors: [{ line: 5, column: 22, message: /did you mean `edge`/ }, { line: 9, column: 20 }] },
    { name: 'names are case-sensitive', code: `version: 1\nhttp:\n  tls: Maverics\ntls:\n  maverics: ${server}\n`, errors: [{ line: 3, column: 8, message: /did you mean `maverics`/ }] },
    { name: 'legacy appgateways', code: 'version: 1\nappgateways:\n  - {name: g, tls: nope}\n', errors: [{ line: 3, column: 20 }] },
    { name: 'an MCP Proxy app\'s upstream naming no profile', code: 'version: 1\napps:\n  - name: m\n    type: mcpProxy\n    upstream:\n      stream:\n        tls: mpc\ntls:\n  mcp: {caFile: /ca.pem}\n', errors: [{ line: 7, column: 14, message: /did you mean `mcp`\?/ }] },
  ],
});
