import { testRule } from '../support/rule-tester.js';

/** Profile `t` (used by a connector) whose `enabledCiphers` list starts on line 6. */
function ciphers(suites: string[], minVersion = ''): string {
  return `version: 1
tls:
  t:
    caFile: /ca.pem${minVersion ? `\n    minVersion: ${minVersion}` : ''}
    enabledCiphers:
${suites.map((s) => `      - ${s}`).join('\n')}
connectors:
  - {name: c, tls: t}
`;
}

testRule('insecure-tls-version', {
  valid: [
    { name: 'the secure ECDHE AEAD suites', code: ciphers(['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256']) },
    { name: 'ECDHE with CBC-SHA (Go\'s secure list)', code: ciphers(['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA']) },
    { name: 'no enabledCiphers: the secure defaults', code: 'version: 1\ntls:\n  t: {caFile: /ca.pem, minVersion: "1.2"}\nconnectors:\n  - {name: c, tls: t}\n' },
    { name: 'a TLS 1.3-only profile never uses a TLS 1.2 suite', code: ciphers(['TLS_RSA_WITH_AES_128_GCM_SHA256'], '"1.3"') },
    { name: 'a minVersion below 1.2 is tls-min-version\'s error, not this warning', code: 'version: 1\ntls:\n  t: {caFile: /ca.pem, minVersion: 1.0}\nconnectors:\n  - {name: c, tls: t}\n' },
    { name: 'references and unknown names are not judged here', code: ciphers(['<vault.cipher>', 'TLS_MADE_UP']) },
  ],
  invalid: [
    {
      name: 'RSA key exchange',
      code: ciphers(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_GCM_SHA256']),
      errors: [{ line: 7, column: 9, endColumn: 40, severity: 'warning', message: /^`TLS_RSA_WITH_AES_128_GCM_SHA256` is allowed but insecure \(RSA key exchange has no forward secrecy\); TLS 1\.2 connections with this profile may use it/ }],
    },
    { name: 'RC4, 3DES and CBC-SHA256, each said why', code: ciphers(['TLS_ECDHE_RSA_WITH_RC4_128_SHA', 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256'], '"1.2"'), errors: [{ line: 7, column: 9, message: /RC4/ }, { line: 8, column: 9, message: /Sweet32/ }, { line: 9, column: 9, message: /Lucky13/ }] },
  ],
});
