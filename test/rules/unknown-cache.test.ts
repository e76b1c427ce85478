import { testRule } from '../support/rule-tester.js';

const cache = (name: string) => `  - {name: ${name}, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}\n`;

testRule('unknown-cache', {
  valid: [
    { name: 'local_default is always there', code: 'version: 1\noidcProvider:\n  cache: local_default\n' },
    { name: 'a declared cache (as in the nickgamb oidc-provider config)', code: `version: 1\ncaches:\n${cache('oidc-provider-cache')}oidcProvider:\n  cache: oidc-provider-cache\n` },
    { name: 'every mode', code: `version: 1\ncaches:\n${cache('a')}oidcProvider: {cache: a}\nsamlProvider: {cache: local_default}\nldapProvider: {cache: a}\nmcpProvider: {cache: a}\n` },
    { name: 'no cache field: the default applies', code: 'version: 1\noidcProvider: {}\n' },
    { name: 'a reference or template cannot be judged', code: 'version: 1\noidcProvider: {cache: <vault.cache>}\nsamlProvider: {cache: "{{ env.CACHE }}"}\n' },
    { name: 'a placeholder is placeholder-value only', code: 'version: 1\noidcProvider:\n  cache: { CACHE NAME }\n' },
    { name: 'a numeric cache name matches by text', code: `version: 1\ncaches:\n${cache('"42"')}oidcProvider: {cache: "42"}\n` },
  ],
  invalid: [
    { name: 'no caches declared', code: 'version: 1\noidcProvider:\n  cache: my-redis\n', errors: [{ line: 3, column: 10, endColumn: 18, severity: 'error', message: /^no cache named `my-redis`; declare it under `caches`, or use `local_default`/ }] },
    { name: 'a typo of a declared cache', code: `version: 1\ncaches:\n${cache('my-redis')}samlProvider:\n  cache: my-rediss\n`, errors: [{ line: 5, column: 10, message: /did you mean `my-redis`\?/ }] },
    { name: 'a typo of local_default', code: 'version: 1\noidcProvider:\n  cache: local_defualt\n', errors: [{ line: 3, column: 10, message: /did you mean `local_default`\?/ }] },
    { name: 'declared names are listed when nothing is close', code: `version: 1\ncaches:\n${cache('alpha')}${cache('beta')}oidcProvider:\n  cache: zzz\n`, errors: [{ line: 6, column: 10, message: /\(declared: `alpha`, `beta`\)/ }] },
    { name: 'two modes', code: 'version: 1\noidcProvider: {cache: a}\nsamlProvider: {cache: b}\n', errors: [{ line: 2, column: 23 }, { line: 3, column: 23 }] },
    { name: 'cache names are case-sensitive', code: `version: 1\ncaches:\n${cache('Redis')}oidcProvider: {cache: redis}\n`, errors: [{ line: 4, column: 23, message: /did you mean `Redis`/ }] },
  ],
});
