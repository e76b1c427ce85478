import { testRule } from '../support/rule-tester.js';

testRule('unknown-connector', {
  valid: [
    { name: 'a declared connector', code: 'version: 1\nconnectors:\n  - {name: okta, type: okta}\napps:\n  - name: a\n    authentication:\n      idps: [okta]\n' },
    { name: 'legacy top-level idps declare connectors too', code: 'version: 1\nidps:\n  - {name: azure, type: azure}\napps:\n  - {name: a, authentication: {idps: [azure]}}\n' },
    { name: 'a policy\'s idps', code: 'version: 1\nconnectors: [{name: okta}]\napps:\n  - name: a\n    policies:\n      - {location: /, authentication: {idps: [okta]}}\n' },
    { name: 'references and templates cannot be judged', code: 'version: 1\napps:\n  - {name: a, authentication: {idps: [<vault.idp>, "{{ env.IDP }}"]}}\n' },
    { name: 'numeric names match by text', code: 'version: 1\nconnectors: [{name: 7}]\napps:\n  - {name: a, authentication: {idps: ["7"]}}\n' },
    { name: 'a placeholder is placeholder-value only', code: 'version: 1\napps:\n  - {name: a, authentication: {idps: [{ IDP NAME }]}}\n' },
  ],
  invalid: [
    { name: 'no connectors at all', code: 'version: 1\napps:\n  - name: a\n    authentication:\n      idps:\n        - okta\n', errors: [{ line: 6, column: 11, endColumn: 15, severity: 'error', message: /^no connector named `okta`; declare it under `connectors`$/ }] },
    { name: 'a typo', code: 'version: 1\nconnectors: [{name: okta}]\napps:\n  - {name: a, authentication: {idps: [otka]}}\n', errors: [{ line: 4, column: 39, message: /did you mean `okta`\?/ }] },
    { name: 'nothing close: the connectors are listed', code: 'version: 1\nconnectors: [{name: okta}, {name: azure}]\napps:\n  - {name: a, authentication: {idps: [ping]}}\n', errors: [{ line: 4, column: 39, message: /\(connectors: `okta`, `azure`\)/ }] },
    { name: 'each bad entry of a list, in a policy too', code: 'version: 1\nconnectors: [{name: okta}]\napps:\n  - name: a\n    authentication: {idps: [okta, x1]}\n    policies:\n      - {location: /, authentication: {idps: [x2]}}\n', errors: [{ line: 5, column: 35 }, { line: 7, column: 47 }] },
  ],
});
