import { CANARY, testRule } from '../support/rule-tester.js';

/** One connector with `key: value` on line 4 from column 5 (the value's column depends on the key). */
function field(key: string, value: string): string {
  return `version: 1
connectors:
  - name: c
    ${key}: ${value}
`;
}

testRule('secret-reference-syntax', {
  valid: [
    field('oauthClientSecret', '<okta.client_secret>'),
    { name: 'AWS names with : and /', code: field('apiToken', '<arn:aws:secretsmanager:us-west-2:123:secret:prod/okta-AbC:token>') },
    { name: 'a bare reference name with dashes', code: field('apiToken', '<okta-api-token>') },
    { name: 'comparison signs in prose are not references', code: field('description', '"a < b and c > d"') },
    { name: 'a lone > in prose', code: field('description', '"x > y"') },
    { name: 'HTML-ish text across lines is not checked', code: field('body', '|\n      <html>\n      <b>x</b>\n      </html>') },
    { name: 'a word ending in > without a dot or underscore', code: field('arrow', '"go>"') },
    { name: 'an env template is not a reference', code: field('url', '"https://{{ env.HOST }}/x"') },
  ],
  invalid: [
    { name: 'unclosed', code: field('caFile', '<vault.ca_file'), errors: [{ line: 4, column: 13, endColumn: 27, severity: 'warning', message: /^this looks like a secret reference without its closing `>`; write `<vault\.ca_file>`$/ }] },
    { name: 'unopened', code: field('caFile', 'vault.ca_file>'), errors: [{ line: 4, column: 13, message: /without its opening `<`; write `<vault\.ca_file>`/ }] },
    { name: 'empty', code: field('apiToken', '"<>"'), errors: [{ line: 4, column: 15, message: /`<>` is an empty secret reference/ }] },
    { name: 'a space in the name', code: field('apiToken', '"<okta token>"'), errors: [{ line: 4, column: 15, message: /this one has whitespace$/ }] },
    { name: 'other punctuation in the name', code: field('apiToken', '"<okta$token>"'), errors: [{ line: 4, column: 15, message: /this one has other punctuation$/ }] },
    { name: 'a reference inside a larger string is not resolved', code: field('headerValue', '"Bearer <okta.token>"'), errors: [{ line: 4, column: 18, message: /inside a larger value is not resolved/ }] },
    { name: 'a reference inside a URL', code: field('url', '"https://<vault.host>/api"'), errors: [{ line: 4, column: 10 }] },
    { name: 'at a secret key, a broken value is not repeated (it may be the password itself)', code: field('password', `"<${CANARY}"`), errors: [{ line: 4, column: 15, message: /^this looks like a secret reference without its closing `>`; close it, or store the value in your secret provider$/ }] },
    { name: 'at a secret key, unopened is not repeated either', code: field('oauthClientSecret', `${CANARY}.x>`), errors: [{ line: 4, column: 24, message: /without its opening `<`; open it/ }] },
    { name: 'in a list and in a nested map', code: `version: 1
apps:
  - name: a
    headers:
      - {name: Authorization, value: "Bearer <vault.t>"}
    upstream:
      token: <vault.t
`, errors: [{ line: 5, column: 38 }, { line: 7, column: 14 }] },
  ],
});
