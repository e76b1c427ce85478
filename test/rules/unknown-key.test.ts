import { testRule } from '../support/rule-tester.js';

testRule('unknown-key', {
  valid: [
    { name: 'the documented surface', code: `version: 1
http:
  address: 0.0.0.0:9443
  readTimeoutSeconds: 10
  accessLog: {disabled: false, level: info}
session:
  cookie: {name: s, domain: example.com}
  lifetime: {maxTimeout: 24h, idleTimeout: 15m}
  store: {type: local}
logger: {level: info, jsonOutput: true, timeFormat: RFC3339Nano, logSessionID: true, fieldOrdering: {enabled: true}}
health: {location: /status, heartbeat: {disabled: false, logLevel: debug}}
` },
    { name: 'legacy keys are accepted (legacy-key says the rest)', code: `version: 1
listenAddress: ":443"
appgateways: []
idps: []
authProvider: {}
orchestratorGroups: []
include: other.yaml
session: {cookieDomain: example.com, maxLifetimeSeconds: 3600, idleTimeoutSeconds: 600}
` },
    { name: 'connectors and apps keep type-specific keys', code: `version: 1
connectors:
  - {name: okta, type: okta, oauthClientID: x, oauthClientSecret: <okta.secret>, scopes: openid, apiToken: <okta.token>}
  - {name: dir, type: ldap, url: "ldaps://dir:636", baseDN: "dc=x", attributeDelimiter: ";"}
apps:
  - {name: a, type: proxy, upstream: "https://app", routePatterns: [/], preserveHost: true}
  - {name: b, type: mcpBridge, mode: openapi, openapi: {spec: {uri: "file:///spec.json"}}}
` },
    { name: 'documented sections the old schema did not know', code: `version: 1
telemetry: {metrics: {readers: [{periodic: {interval: 5000, exporter: {otlp: {protocol: http/protobuf, endpoint: "https://otel:4318"}}}}]}}
singleLogout: {logoutURL: /logout, postLogout: {redirectURL: "https://example.com/bye"}}
serviceExtensions: [{name: auth, file: /etc/maverics/se/auth.go}]
tls:
  t: {caFile: /ca.pem, enabledCiphers: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]}
caches:
  - {name: c, type: redis, redis: {addresses: ["r:6379"], tls: t}, encryption: {disabled: true}, hashing: {keys: {disabled: true}}, keys: {disablePrefix: true}}
` },
    { name: 'any feature flag name, dotted or nested', code: `version: 1
features:
  experimental.clusters: "true"
  someFlag: enabled
  experimental:
    other: "true"
` },
    { name: 'a merge key is not an unknown key', code: 'version: 1\ntls:\n  base: &base {caFile: /ca.pem, minVersion: "1.2"}\n  t:\n    <<: *base\n    clientAuth: NoClientCert\nconnectors:\n  - {name: a, tls: base}\n  - {name: b, tls: t}\n' },
  ],
  invalid: [
    { name: 'adresses → addresses', code: `version: 1
caches:
  - name: c
    type: redis
    redis:
      adresses: ["redis.example.com:6379"]
    encryption: {disabled: true}
`, errors: [{ line: 6, column: 7, endLine: 6, endColumn: 15, severity: 'error', message: /unknown key `adresses` in `caches\[0\]\.redis`; did you mean `addresses`\?/ }] },
    { name: 'sessions → session at the top level', code: `version: 1
sessions:
  store: {type: local}
`, errors: [{ line: 2, column: 1, endColumn: 9, message: /unknown key `sessions` in the top level; did you mean `session`\?/ }] },
    { name: 'suggestions come from the right object, inside $ref definitions too', code: `version: 1
http:
  adress: 0.0.0.0:9443
tls:
  t: {minVersoin: "1.2"}
session:
  lifetim: {}
  store: {typ: local}
`, errors: [
      { line: 3, column: 3, message: /in `http`; did you mean `address`\?/ },
      { line: 5, column: 7, severity: 'warning', message: /in `tls\.t`: it is not in the documented surface; did you mean `minVersion`\?/ },
      { line: 7, column: 3, severity: 'warning', message: /in `session`: it is not in the documented surface; did you mean `lifetime`\?/ },
      { line: 8, column: 11, severity: 'warning', message: /in `session\.store`: it is not in the documented surface; did you mean `type`\?/ },
    ] },
    { name: 'known keys listed are those of the parent, not of the top level', code: `version: 1
caches:
  - name: c
    type: redis
    redis: {addresses: ["localhost:6379"], database: 2}
    encryption: {disabled: true}
`, errors: [{ line: 5, column: 44, message: /unknown key `database` in `caches\[0\]\.redis`; the Orchestrator does not document it here \(known keys: `addresses`, `username`, `password`, `tls`\)$/ }] },
    { name: 'misplaced keys get the right spelling', code: `version: 1
caches:
  - name: c
    type: redis
    redis: {address: "localhost:6379", addresses: ["localhost:6379"]}
    encryption: {enabled: true, disabled: true}
    hashing: {disabled: true}
`, errors: [
      { line: 5, column: 13, message: /did you mean `addresses` \(a list of host:port\)\?/ },
      { line: 6, column: 18, message: /turned off with `encryption\.disabled: true`/ },
      { line: 7, column: 15, message: /hashing is turned off with `hashing\.keys\.disabled: true`/ },
    ] },
    { name: 'TLS options this surface does not know are warnings, not errors', code: `version: 1
tls:
  t: {caFile: /ca.pem, insecureSkipVerify: true, maxVersion: "1.3"}
connectors:
  - {name: c, tls: t}
`, errors: [{ line: 3, column: 24, severity: 'warning' }, { line: 3, column: 50, severity: 'warning' }] },
    { name: 'each connector type has its own key set: a misspelt okta key is an error with that type\'s suggestion', code: `version: 1
connectors:
  - name: okta
    type: okta
    oidcWellKnownURL: https://example.okta.com/.well-known/openid-configuration
    oauthClientID: 0oa1
    oauthClientSecert: <okta.secret>
`, errors: [{ line: 7, column: 5, endColumn: 22, severity: 'error', message: /^unknown key `oauthClientSecert` in `connectors\[0\]` \(type okta\); did you mean `oauthClientSecret`\?$/ }] },
    { name: 'a key of another type is unknown in this one', code: `version: 1
connectors:
  - {name: dir, type: ldap, url: "ldaps://dir:636", serviceAccountUsername: u, serviceAccountPassword: <p>, baseDN: "dc=x", oauthClientID: x}
apps:
  - {name: a, type: mcpBridge, openapi: {spec: {uri: "file:///s.json"}}, routePatterns: [/]}
`, errors: [
      { line: 3, column: 125, severity: 'warning', message: /in `connectors\[0\]` \(type ldap\): it is not in the documented surface/ },
      { line: 5, column: 74, severity: 'error', message: /in `apps\[0\]` \(type mcpBridge\)/ },
    ] },
    { name: 'a partly documented object says the key is not in the documented surface', code: `version: 1
logger: {level: info, filters: [x]}
`, errors: [{ line: 2, column: 23, severity: 'warning', message: /^unknown key `filters` in `logger`: it is not in the documented surface \(the docs describe features here whose key names were not visible, so it may be real\)$/ }] },
    { name: 'a legacy key is never suggested', code: `version: 1
listenAdress: ":443"
`, errors: [{ line: 2, column: 1, message: /^(?!.*listenAddress)/ }] },
  ],
});
