import { testRule } from '../support/rule-tester.js';

/** Profile `t` (used by a connector) with `minVersion: <written>` on line 5, value from column 17. */
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

testRule('tls-min-version', {
  valid: [
    { name: '"1.2" quoted (the seed)', code: profile('"1.2"') },
    { name: '1.3 unquoted (a YAML float)', code: profile('1.3') },
    { name: '1.2 unquoted', code: profile('1.2') },
    { name: 'absent: the default applies', code: 'version: 1\ntls:\n  t: {caFile: /ca.pem}\nconnectors:\n  - {name: c, tls: t}\n' },
    { name: 'a secret reference', code: profile('<vault.tls_min>') },
    { name: 'an env template', code: profile('"{{ env.TLS_MIN }}"') },
    { name: 'a placeholder is placeholder-value only', code: profile('{ MIN TLS VERSION }') },
  ],
  invalid: [
    { name: '1.4 does not exist', code: profile('1.4'), errors: [{ line: 5, column: 17, endColumn: 20, severity: 'error', message: /^`minVersion` is `1\.4`; expected 1\.2 or 1\.3$/ }] },
    { name: 'TLS1.2 is not how it is written', code: profile('TLS1.2'), errors: [{ line: 5, column: 17, message: /is `TLS1\.2`; expected 1\.2 or 1\.3 \(write `"1\.2"`\)/ }] },
    { name: 'tls1.3 lower case', code: profile('tls1.3'), errors: [{ line: 5, column: 17, message: /\(write `"1\.3"`\)/ }] },
    { name: '1.0 unquoted: read as written, not as the number 1; below 1.2 the Orchestrator does not start', code: profile('1.0'), errors: [{ line: 5, column: 17, endColumn: 20, severity: 'error', message: /^`minVersion` is `1\.0`: the Orchestrator accepts only TLS 1\.2 or higher and refuses to start with an older minimum; write `minVersion: "1\.2"`/ }] },
    { name: '"1.0" quoted', code: profile('"1.0"'), errors: [{ line: 5, column: 17, endColumn: 22, message: /is `1\.0`: the Orchestrator accepts only TLS 1\.2/ }] },
    { name: '\'1.1\' single-quoted', code: profile("'1.1'"), errors: [{ line: 5, column: 17, message: /is `1\.1`: the Orchestrator accepts only/ }] },
    { name: 'the number 1 is TLS 1.0', code: profile('1'), errors: [{ line: 5, column: 17, message: /is `1`: the Orchestrator accepts only TLS 1\.2/ }] },
    { name: 'TLS1.0', code: profile('TLS1.0'), errors: [{ line: 5, column: 17, message: /is `TLS1\.0`: the Orchestrator accepts only/ }] },
    { name: '1.20 written is not 1.2', code: profile('1.20'), errors: [{ line: 5, column: 17, message: /is `1\.20`; .*\(write `"1\.2"`\)/ }] },
    { name: 'Go constant names are not accepted here', code: profile('VersionTLS12'), errors: [{ line: 5, column: 17 }] },
    { name: '2', code: profile('"2"'), errors: [{ line: 5, column: 17, message: /is `2`; expected 1\.2 or 1\.3$/ }] },
    { name: 'every profile is checked, used or not', code: 'version: 1\ntls:\n  a: {caFile: /ca, minVersion: "1.5"}\n  b: {caFile: /ca, minVersion: 1.3}\n  c: {caFile: /ca, minVersion: 1.9}\n', errors: [{ line: 3, column: 32 }, { line: 5, column: 32 }] },
  ],
});
