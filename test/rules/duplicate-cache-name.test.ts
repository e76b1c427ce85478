import { testRule } from '../support/rule-tester.js';

const c = (name: string) => `  - {name: ${name}, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}\n`;

testRule('duplicate-cache-name', {
  valid: [
    { name: 'distinct names', code: `version: 1\ncaches:\n${c('a')}${c('b')}${c('c')}` },
    { name: 'names differing in case are distinct', code: `version: 1\ncaches:\n${c('a')}${c('A')}` },
    { name: 'one cache', code: `version: 1\ncaches:\n${c('a')}` },
  ],
  invalid: [
    { name: 'two caches share a name: the second is reported', code: `version: 1\ncaches:\n${c('a')}${c('a')}`, errors: [{ line: 4, column: 12, endColumn: 13, severity: 'error', message: /^another cache is already named `a` \(caches\[0\]\); cache names must be unique$/ }] },
    { name: 'three share a name: the second and third, each pointing at the first', code: `version: 1\ncaches:\n${c('x')}${c('y')}${c('x')}${c('x')}`, errors: [{ line: 5, column: 12, message: /\(caches\[0\]\)/ }, { line: 6, column: 12, message: /\(caches\[0\]\)/ }] },
    { name: 'a number and its text are the same name', code: `version: 1\ncaches:\n${c('1')}${c('"1"')}`, errors: [{ line: 4, column: 12, endColumn: 15 }] },
    { name: 'caches of different types still clash', code: 'version: 1\ncaches:\n  - {name: a, type: cluster, cluster: {name: k}}\n' + c('a'), errors: [{ line: 4, column: 12 }] },
  ],
});
