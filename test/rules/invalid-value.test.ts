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
    { name: 'Go durations in every form Go parses, and values known only at start-up', code: `version: 1
session:
  lifetime: {maxTimeout: 1h30m, idleTimeout: 0}
health: {heartbeat: {interval: 1.5h}}
apps:
  - name: m
    type: mcpProxy
    upstream: {transport: stream, stream: {url: "https://mcp/mcp", connection: {dialTimeout: 300ms, keepAlive: {interval: "{{ env.KEEPALIVE }}"}}}}
connectors:
  - {name: h, type: oidc, oidcWellKnownURL: "https://idp/.well-known/openid-configuration", oauthClientID: x, oauthClientSecret: <s>, healthCheck: {timeout: <vault.timeout>, interval: 2m}}
` },
    { name: 'URLs with schemes, file:/// Windows paths, Orchestrator paths; an upper-case placeholder is placeholder-value\'s', code: `version: 1
singleLogout: {logoutURL: /logout, postLogout: {redirectURL: "https://example.com/bye"}}
connectors:
  - name: s
    type: saml
    samlMetadataURL: file:///C:\\Program Files\\Maverics\\metadata.xml
    samlConsumerServiceURL: "{{ env.ACS_URL }}"
  - name: b2c
    type: azure
    authType: saml
    samlMetadataURL: METADATA_URL
    samlConsumerServiceURL: https://sso.example.com/acs
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
    { name: 'a duration that Go cannot parse', code: 'version: 1\nsession:\n  lifetime:\n    maxTimeout: 24 hours\n', errors: [{ line: 4, column: 17, message: /^`session\.lifetime\.maxTimeout` is `24 hours`, which is not a Go duration; write a number with a unit: 300ms, 30s, 15m, 24h/ }] },
    { name: 'an OpenSSL cipher name where Go\'s belongs', code: 'version: 1\ntls:\n  t:\n    caFile: /ca.pem\n    enabledCiphers:\n      - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n      - ECDHE-RSA-AES256-GCM-SHA384\n      - TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA348\nconnectors:\n  - {name: c, type: oidc, tls: t, oidcWellKnownURL: "https://idp/.well-known/openid-configuration", oauthClientID: x, oauthClientSecret: <s>}\n', errors: [
      { line: 7, column: 9, message: /is `ECDHE-RSA-AES256-GCM-SHA384`, not a Go crypto\/tls cipher suite name; write Go's name, such as/ },
      { line: 8, column: 9, message: /did you mean `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`\?/ },
    ] },
    { name: 'a URL without its scheme', code: 'version: 1\nconnectors:\n  - name: idp\n    type: oidc\n    oidcWellKnownURL: idp.example.com/.well-known/openid-configuration\n    oauthClientID: x\n    oauthClientSecret: <idp.secret>\n', errors: [{ line: 5, column: 23, message: /^`connectors\[0\]\.oidcWellKnownURL` is not a URL; write it with its scheme/ }] },
    { name: 'an unknown connector type, with did-you-mean over the known types', code: 'version: 1\nconnectors:\n  - name: idp\n    type: okat\n', errors: [{ line: 4, column: 11, message: /is `okat`; expected one of `azure`, .*\(did you mean `okta`\?\)/ }] },
    { name: 'an unknown app type', code: 'version: 1\napps:\n  - name: a\n    type: mcpproxy\n', errors: [{ line: 4, column: 11, message: /\(did you mean `mcpProxy`\?\)/ }] },
    { name: 'a negative timeout', code: 'version: 1\nhttp:\n  readTimeoutSeconds: -1\n', errors: [{ line: 3, column: 23, message: /is -1; it must be at least 0/ }] },
  ],
});
