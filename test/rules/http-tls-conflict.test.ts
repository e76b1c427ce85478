import { testRule } from '../support/rule-tester.js';

const tls = 'tls:\n  a: {certFile: /c, keyFile: /k}\n  b: {certFile: /c, keyFile: /k}\n';

testRule('http-tls-conflict', {
  valid: [
    { name: 'http.tls alone', code: `version: 1\nhttp:\n  address: ":9443"\n  tls: a\n${tls}connectors:\n  - {name: c, tls: b}\n` },
    { name: 'http.hosts alone', code: `version: 1\nhttp:\n  hosts:\n    - {host: x, tls: a}\n    - {host: y, tls: b, default: true}\n${tls}` },
    { name: 'neither', code: 'version: 1\nhttp: {address: ":9443"}\n' },
    { name: 'no http', code: 'version: 1\n' },
  ],
  invalid: [
    { name: 'both, at the hosts key', code: `version: 1\nhttp:\n  tls: a\n  hosts:\n    - {host: x, tls: b}\n${tls}`, errors: [{ line: 4, column: 3, endLine: 4, endColumn: 8, severity: 'error', message: /^`http\.tls` and `http\.hosts` cannot both be set/ }] },
    { name: 'hosts first, then tls', code: `version: 1\nhttp:\n  hosts: []\n  tls: a\n${tls}`, errors: [{ line: 3, column: 3 }] },
    { name: 'tls as a reference still conflicts', code: 'version: 1\nhttp:\n  tls: <vault.profile>\n  hosts: [{host: x}]\n', errors: [{ line: 4, column: 3 }] },
  ],
});
