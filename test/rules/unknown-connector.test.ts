import { testRule } from '../support/rule-tester.js';

testRule('unknown-connector', {
  valid: [
    { name: 'a declared connector', code: 'version: 1\nconnectors:\n  - {name: okta, type: okta}\napps:\n  - name: a\n    authentication:\n      idps: [okta]\n' },
    { name: 'legacy top-level idps declare connectors too', code: 'version: 1\nidps:\n  - {name: azure, type: azure}\napps:\n  - {name: a, authentication: {idps: [azure]}}\n' },
    { name: 'a policy\'s idps', code: 'version: 1\nconnectors: [{name: okta}]\napps:\n  - name: a\n    policies:\n      - {location: /, authentication: {idps: [okta]}}\n' },
    { name: 'references and templates cannot be judged', code: 'version: 1\napps:\n  - {name: a, authentication: {idps: [<vault.idp>, "{{ env.IDP }}"]}}\n' },
    { name: 'numeric names match by text', code: 'version: 1\nconnectors: [{name: 7}]\napps:\n  - {name: a, authentication: {idps: ["7"]}}\n' },
    { name: 'legacy authProvider names a connector', code: 'version: 1\nconnectors: [{name: azureADB2C, type: azure}]\nauthProvider: azureADB2C\n' },
    { name: 'legacy idps naming connectors, and app gateways naming them', code: 'version: 1\nidps:\n  - name: azure\nconnectors: [{name: azure, type: azure}]\nappgateways:\n  - {name: g, idps: [{name: azure}]}\n' },
    {
      name: 'connector attribute templates in headers, claims mappings and authorization rules',
      code: 'version: 1\nconnectors: [{name: azure, type: azure}, {name: keycloak, type: oidc}]\napps:\n  - name: a\n    type: proxy\n    headers:\n      - {name: X-SUB, value: "{{ azure.sub }}"}\n      - {name: X-GROUPS, value: "{{ se.groups }}"}\n    policies:\n      - location: /\n        authorization:\n          rules:\n            - and:\n                - contains: ["{{ azure.groups }}", admins]\n  - name: o\n    type: oidc\n    claimsMapping: {email: "{{ keycloak.email }}"}\n',
    },
    { name: 'a claims mapping naming attributes bare, as real configs do', code: 'version: 1\nconnectors: [{name: keycloak, type: oidc}]\napps:\n  - {name: o, type: oidc, claimsMapping: {email: keycloak.email, sub: keycloak.sub}}\n' },
    { name: 'outside those places a template is not a connector reference', code: 'version: 1\nconnectors: [{name: c}]\napps:\n  - {name: a, upstream: "https://{{ env.HOST }}"}\n' },
    { name: 'a continuity connector failing over between declared connectors', code: 'version: 1\nconnectors:\n  - {name: okta, type: okta}\n  - {name: azure, type: azure}\n  - {name: both, type: continuity, failover: {idps: [okta, azure]}}\n' },
    { name: 'a placeholder is placeholder-value only', code: 'version: 1\napps:\n  - {name: a, authentication: {idps: [{ IDP NAME }]}}\n' },
  ],
  invalid: [
    { name: 'no connectors at all', code: 'version: 1\napps:\n  - name: a\n    authentication:\n      idps:\n        - okta\n', errors: [{ line: 6, column: 11, endColumn: 15, severity: 'error', message: /^no connector named `okta`; declare it under `connectors`$/ }] },
    { name: 'a typo', code: 'version: 1\nconnectors: [{name: okta}]\napps:\n  - {name: a, authentication: {idps: [otka]}}\n', errors: [{ line: 4, column: 39, message: /did you mean `okta`\?/ }] },
    { name: 'nothing close: the connectors are listed', code: 'version: 1\nconnectors: [{name: okta}, {name: azure}]\napps:\n  - {name: a, authentication: {idps: [ping]}}\n', errors: [{ line: 4, column: 39, message: /\(connectors: `okta`, `azure`\)/ }] },
    { name: 'each bad entry of a list, in a policy too', code: 'version: 1\nconnectors: [{name: okta}]\napps:\n  - name: a\n    authentication: {idps: [okta, x1]}\n    policies:\n      - {location: /, authentication: {idps: [x2]}}\n', errors: [{ line: 5, column: 35 }, { line: 7, column: 47 }] },
    { name: 'legacy authProvider', code: 'version: 1\nconnectors: [{name: azureADB2C}]\nauthProvider: azureB2C\n', errors: [{ line: 3, column: 15, message: /^no connector named `azureB2C`; did you mean `azureADB2C`\?$/ }] },
    { name: 'legacy top-level idps and app gateway idps', code: 'version: 1\nconnectors: [{name: azure}]\nidps:\n  - name: auth0\nappgateways:\n  - name: g\n    idps:\n      - name: azur\n', errors: [{ line: 4, column: 11, message: /`auth0`/ }, { line: 8, column: 15, message: /did you mean `azure`/ }] },
    {
      name: 'a header template naming no connector',
      code: 'version: 1\nconnectors: [{name: azure}]\napps:\n  - name: a\n    headers:\n      - name: X-SUB\n        value: "{{ azur.sub }}"\n',
      errors: [{ line: 7, column: 16, endColumn: 32, message: /^`\{\{ azur\.sub \}\}` takes an attribute from a connector named `azur`, and there is none; did you mean `azure`\?$/ }],
    },
    {
      name: 'an authorization rule operand and a claims mapping',
      code: 'version: 1\nconnectors: [{name: okta}]\napps:\n  - name: a\n    authorization:\n      rules:\n        - equals: ["{{ ldap.role }}", admin]\n    claimsMapping:\n      email: "{{ keycloak.email }}"\n',
      errors: [{ line: 7, column: 20, message: /`ldap`/ }, { line: 9, column: 14, message: /`keycloak`.*\(connectors: `okta`\)/ }],
    },
    { name: 'a bare claims mapping value naming no connector', code: 'version: 1\nconnectors: [{name: keycloak}]\napps:\n  - name: o\n    claimsMapping:\n      email: keycloack.email\n', errors: [{ line: 6, column: 14, message: /^`keycloack\.email` takes an attribute from a connector named `keycloack`, and there is none; did you mean `keycloak`\?$/ }] },
    { name: 'a token exchange and a continuity failover', code: 'version: 1\nconnectors:\n  - {name: okta, type: continuity, failover: {idps: [okat]}}\napps:\n  - {name: m, type: mcpBridge, authorization: {outbound: {tokenExchange: {idp: kc}}}}\n', errors: [{ line: 3, column: 54, message: /did you mean `okta`/ }, { line: 5, column: 80, message: /`kc`/ }] },
  ],
});
