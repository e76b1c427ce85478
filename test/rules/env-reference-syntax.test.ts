import { CANARY, testRule } from '../support/rule-tester.js';

function value(v: string): string {
  return `version: 1
connectors:
  - name: c
    url: ${v}
`;
}

testRule('env-reference-syntax', {
  valid: [
    value('"{{ env.OKTA_DOMAIN }}"'),
    { name: 'without spaces', code: value('"{{env.OKTA_DOMAIN}}"') },
    { name: 'inside a larger string', code: value('"https://{{ env.HOST }}:{{ env.PORT }}/x"') },
    { name: 'service-extension templates are left alone', code: value('"{{ se.attributes.email }}"') },
    {
      name: 'connector attribute templates in header values are left alone',
      code: `version: 1\napps:\n  - name: a\n    type: proxy\n    headers:\n      - name: X-SUB\n        value: "{{ azure.sub }}"\n      - name: X-GROUPS\n        value: "{{ se.groups }}"\n`,
    },
    {
      name: 'connector attribute templates in authorization rules and claims mappings are left alone',
      code: `version: 1\nconnectors: [{name: azure}]\napps:\n  - name: a\n    authorization:\n      rules:\n        - contains: ["{{ azure.groups }}", admins]\n    claimsMapping:\n      email: "{{ azure.email }}"\n`,
    },
    { name: 'a single brace is not a template', code: value('"{x}"') },
    { name: 'a secret reference', code: value('<vault.url>') },
  ],
  invalid: [
    { name: 'upper-case ENV', code: value('"{{ ENV.OKTA_DOMAIN }}"'), errors: [{ line: 4, column: 10, endColumn: 33, severity: 'warning', message: /^`\{\{ ENV\.OKTA_DOMAIN \}\}` is not an environment template the Orchestrator substitutes; write `\{\{ env\.NAME \}\}`/ }] },
    { name: 'a name starting with a digit', code: value('"{{ env.1HOST }}"'), errors: [{ line: 4, column: 10 }] },
    { name: 'any other template outside a header value (the contract: only env and se)', code: value('"{{ azure.sub }}"'), errors: [{ line: 4, column: 10, message: /`\{\{ azure\.sub \}\}` is not an environment template/ }] },
    { name: 'a bare name', code: value('"https://{{ host }}/x"'), errors: [{ line: 4, column: 10, message: /`\{\{ host \}\}`/ }] },
    {
      name: 'in a header value, a template that is not connector.attribute',
      code: `version: 1\napps:\n  - name: a\n    type: proxy\n    headers:\n      - name: X\n        value: "{{ sub }}"\n`,
      errors: [{ line: 7, column: 16 }],
    },
    {
      name: 'in an authorization rule, a template that is not connector.attribute',
      code: `version: 1\napps:\n  - name: a\n    authorization:\n      rules:\n        - equals: ["{{ groups }}", x]\n`,
      errors: [{ line: 6, column: 20, message: /`\{\{ groups \}\}`/ }],
    },
    { name: 'a dash in the name', code: value('"{{ env.OKTA-DOMAIN }}"'), errors: [{ line: 4, column: 10 }] },
    { name: 'no name', code: value('"{{ env }}"'), errors: [{ line: 4, column: 10, message: /`\{\{ env \}\}`/ }] },
    { name: 'empty braces', code: value('"{{ }}"'), errors: [{ line: 4, column: 10 }] },
    { name: 'shell style', code: value('"{{ $HOST }}"'), errors: [{ line: 4, column: 10 }] },
    { name: 'one closing brace short', code: value('"https://{{ env.HOST }/x"'), errors: [{ line: 4, column: 10, message: /`\{\{ env\.HOST \}`/ }] },
    { name: 'one opening brace short', code: value('"https://{ env.HOST }}/x"'), errors: [{ line: 4, column: 10 }] },
    { name: 'at a secret key the value is not quoted (until it is a template, it is a literal secret)', code: `version: 1\nconnectors:\n  - name: c\n    password: "{{ ENV.${CANARY} }}"\n`, errors: [{ line: 4, column: 15, message: /^this is not an environment template/ }] },
    { name: 'one report per value, the first problem', code: value('"{{ ENV.A }} {{ ENV.B }}"'), errors: [{ line: 4, column: 10, message: /ENV\.A/ }] },
  ],
});
