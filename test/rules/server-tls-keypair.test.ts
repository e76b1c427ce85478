import { testRule } from '../support/rule-tester.js';

testRule('server-tls-keypair', {
  valid: [
    { name: 'http.tls with cert and key', code: 'version: 1\nhttp: {tls: srv}\ntls:\n  srv: {certFile: /c.pem, keyFile: /k.pem}\n' },
    { name: 'mTLS host profile (as in the nickgamb configs)', code: `version: 1
http:
  address: 0.0.0.0:9443
  hosts:
    - default: true
      tls: edge-mtls
tls:
  edge-mtls:
    certFile: /etc/maverics/certs/internal-server.pem
    keyFile: /etc/maverics/certs/internal-server-key.pem
    clientAuth: RequireAndVerifyClientCert
    clientCAFiles:
      - /etc/maverics/certs/rootCA.pem
` },
    { name: 'cert and key as secret references', code: 'version: 1\nhttp: {tls: srv}\ntls:\n  srv: {certFile: <vault.cert>, keyFile: <vault.key>}\n' },
    { name: 'cert and key left as placeholders (placeholder-value reports them)', code: 'version: 1\nhttp: {tls: maverics}\ntls:\n  maverics:\n    certFile: { ABSOLUTE PATH TO CERT FILE }\n    keyFile: { ABSOLUTE PATH TO KEY FILE }\n' },
    { name: 'a client profile needs no key pair', code: 'version: 1\nconnectors:\n  - {name: c, tls: idp}\ncaches:\n  - {name: r, type: redis, redis: {addresses: ["r:6379"], tls: idp}, encryption: {disabled: true}}\ntls:\n  idp: {caFile: /ca.pem}\n' },
    { name: 'a missing profile is unknown-tls-profile\'s', code: 'version: 1\nhttp: {tls: nope}\n' },
  ],
  invalid: [
    { name: 'http.tls naming a CA-only profile, at the profile key', code: 'version: 1\nhttp:\n  tls: srv\ntls:\n  srv:\n    caFile: /ca.pem\n', errors: [{ line: 5, column: 3, endColumn: 6, severity: 'error', message: /^the TLS profile `srv` serves the Orchestrator's listener \(`http\.tls`\) but has no `certFile` or `keyFile`/ }] },
    { name: 'a host profile without keyFile', code: 'version: 1\nhttp:\n  hosts:\n    - {host: a, tls: h}\ntls:\n  h: {certFile: /c.pem}\n', errors: [{ line: 6, column: 3, message: /\(`http\.hosts\[0\]\.tls`\) but has no `keyFile`;/ }] },
    { name: 'an empty certFile', code: 'version: 1\nhttp:\n  hosts:\n    - {host: a, tls: h}\ntls:\n  h: {certFile: "", keyFile: /k.pem}\n', errors: [{ line: 6, column: 3, message: /has no `certFile`;/ }] },
    { name: 'one report per profile, however many hosts use it', code: 'version: 1\nhttp:\n  hosts:\n    - {host: a, tls: h}\n    - {host: b, tls: h}\n    - {host: c, tls: g}\ntls:\n  h: {certFile: /c.pem}\n  g: {keyFile: /k.pem}\n', errors: [{ line: 8, column: 3, message: /`http\.hosts\[0\]\.tls`/ }, { line: 9, column: 3, message: /`http\.hosts\[2\]\.tls`.*`certFile`/ }] },
    { name: 'a profile shared by a server and a client still needs the pair', code: 'version: 1\nhttp: {tls: shared}\nconnectors:\n  - {name: c, tls: shared}\ntls:\n  shared: {caFile: /ca.pem}\n', errors: [{ line: 6, column: 3 }] },
  ],
});
