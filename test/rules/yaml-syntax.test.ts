import * as assert from 'uvu/assert';
import { CANARY, lint, testRule } from '../support/rule-tester.js';
import { test } from 'uvu';

testRule('yaml-syntax', {
  valid: [
    'version: 1\n',
    { name: 'flow style, quotes, block scalars', code: `version: "1"
tls: {t: {caFile: '/ca.pem'}}
connectors:
  - name: c
    description: |
      multi
      line
` },
    { name: 'anchors and aliases', code: `version: 1
tls:
  a: &profile {caFile: /ca.pem}
  b: *profile
` },
    { name: 'a byte-order mark is not an error', code: '\uFEFFversion: 1\n' },
    { name: 'a { PLACEHOLDER } is YAML (placeholder-value reports it)', code: 'version: 1\ntls:\n  t: {caFile: { CA FILE }}\n' },
    { name: 'a quoted value that starts with * or !', code: `version: 1\nconnectors:\n  - {name: c, password: "*${CANARY}", apiToken: "!${CANARY}"}\n` },
  ],
  invalid: [
    { name: 'a tab used for indentation', code: 'version: 1\ntls:\n\tt: {}\n', errors: [{ line: 3, column: 1, severity: 'error', message: /a tab is used for indentation; YAML indents with spaces only/ }] },
    { name: 'a key and value on one line twice', code: 'version: 1\na: b: c\n', errors: [{ line: 2, column: 4, message: /a key must fit on one line/ }] },
    { name: 'an unclosed quote', code: 'version: 1\nlogger:\n  level: "info\n', errors: [{ line: 4, column: 1, message: /Missing closing "quote; close what was opened/ }] },
    { name: 'an unclosed flow sequence', code: 'version: 1\ncaches: [\n', errors: [{ line: 3, column: 1 }] },
    { name: 'two documents', code: 'version: 1\n---\nversion: 2\n', errors: [{ line: 2, column: 1, message: /more than one YAML document/ }] },
    { name: 'bad indentation', code: 'version: 1\nlogger:\n    level: info\n  jsonOutput: true\n', errors: [{ line: 4, column: 1, message: /bad indentation/ }] },
    { name: 'an invalid escape', code: 'version: 1\nhealth: {location: "\\q"}\n', errors: [{ line: 2, column: 21, message: /invalid escape sequence/ }] },
    { name: 'an unquoted password starting with * is an alias; its text is not repeated', code: `version: 1\ncaches:\n  - redis:\n      password: *${CANARY}\n`, errors: [{ line: 4, column: 17, message: /^an alias \(`\*name`\) names no anchor/ }] },
    { name: 'an unquoted password starting with ! is a tag; its text is not repeated', code: `version: 1\nconnectors:\n  - name: c\n    password: !${CANARY} x\n`, errors: [{ line: 4, column: 15, severity: 'warning', message: /starts with `!` is read as a YAML tag/ }] },
  ],
});

// Not usable YAML: no later stage runs, so no schema or rule noise comes with the syntax error.
test('a fatal syntax error stops the schema and the rules', () => {
  const all = lint('version: 1\ncaches: [\n  {name: local_default, type: nope\n');
  assert.ok(all.length >= 1);
  assert.ok(all.every((d) => d.ruleId === 'yaml-syntax' || d.ruleId === 'duplicate-key'), all.map((d) => d.ruleId).join(', '));
});
test.run();
