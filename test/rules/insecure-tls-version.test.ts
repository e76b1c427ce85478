import { testRule } from '../support/rule-tester.js';

function profile(written: string): string {
  return `version: 1
tls:
  t:
    caFile: /ca.pem
    minVersion: ${written}
connectors:
  - {name: c, tls: t}
`;
}

testRule('insecure-tls-version', {
  valid: [
    { name: '"1.2"', code: profile('"1.2"') },
    { name: '1.3', code: profile('1.3') },
    { name: 'absent (default 1.2)', code: 'version: 1\ntls:\n  t: {caFile: /ca.pem}\nconnectors:\n  - {name: c, tls: t}\n' },
    { name: 'the number 1 is tls-min-version\'s error, not this warning', code: profile('1') },
    { name: 'a reference cannot be judged', code: profile('<vault.min_tls>') },
    { name: 'an invalid version is not also called insecure', code: profile('"0.9"') },
  ],
  invalid: [
    { name: '1.0 unquoted: read as written, not as the number 1', code: profile('1.0'), errors: [{ line: 5, column: 17, endColumn: 20, severity: 'warning', message: /^TLS 1\.0 is deprecated and insecure \(RFC 8996\); use `minVersion: "1\.2"` or higher$/ }] },
    { name: '"1.0" quoted', code: profile('"1.0"'), errors: [{ line: 5, column: 17, endColumn: 22, message: /TLS 1\.0 is deprecated/ }] },
    { name: '1.1', code: profile('1.1'), errors: [{ line: 5, column: 17, message: /TLS 1\.1 is deprecated/ }] },
    { name: '"1.1" single quoted', code: profile("'1.1'"), errors: [{ line: 5, column: 17 }] },
  ],
});
