import { CANARY, testRule } from '../support/rule-tester.js';

/** A redis cache whose only address is `address` (written as given, quotes and all). */
function cache(address: string): string {
  return `version: 1
caches:
  - name: c
    type: redis
    redis:
      addresses:
        - ${address}
      tls: t
    encryption: {keys: {current: <vault.k>}}
tls:
  t: {caFile: /ca.pem}
`;
}

/** The address sits on line 7, from column 11. */
const at = (message: RegExp, endColumn?: number) => [{ line: 7, column: 11, endLine: 7, severity: 'error' as const, message, ...(endColumn ? { endColumn } : {}) }];

testRule('redis-address', {
  valid: [
    cache('"redis.example.com:6379"'),
    cache('redis-1.example.com:6379'),
    cache('10.0.0.12:6380'),
    cache('"[::1]:6379"'),
    cache('"[2001:db8::7]:6379"'),
    cache('redis:1'),
    cache('redis:65535'),
    cache('localhost:6379'),
    { name: 'a secret reference is never judged', code: cache('<vault.redis_address>') },
    { name: 'an env template is never judged', code: cache('"{{ env.REDIS_ADDR }}"') },
    { name: 'an env template inside a larger value is never judged', code: cache('"{{ env.REDIS_HOST }}:6379"') },
    { name: 'a placeholder is placeholder-value only', code: cache('{ REDIS HOST AND PORT }') },
    { name: 'addresses of a cache that is not redis are not checked here', code: `version: 1
caches:
  - {name: c, type: cluster, cluster: {name: x}, redis: {addresses: ["redis://x"]}}
` },
  ],
  invalid: [
    { name: 'redis:// scheme', code: cache('"redis://redis.example.com:6379"'), errors: at(/^expected host:port, got a URL with scheme redis:\/\/; write `redis\.example\.com:6379`$/, 43) },
    { name: 'rediss:// scheme without a port', code: cache('rediss://redis.example.com'), errors: at(/got a URL with scheme rediss:\/\/; write `redis\.example\.com:6379`/) },
    { name: 'a URL with credentials: the password is never quoted', code: cache(`"redis://default:${CANARY}@redis.example.com:6379/0"`), errors: at(/write `redis\.example\.com:6379`/) },
    { name: 'a URL whose password holds @ and /', code: cache(`"redis://u:${CANARY}@x/y@redis.example.com:6379"`), errors: at(/write `redis\.example\.com:6379`/) },
    { name: 'credentials without a scheme', code: cache(`"default:${CANARY}@redis.example.com:6379"`), errors: at(/got credentials before `@`; put them in `redis\.username` and `redis\.password`/) },
    { name: 'port 0', code: cache('"redis.example.com:0"'), errors: at(/port from 1 to 65535, got port `0`/) },
    { name: 'port 65536', code: cache('"redis.example.com:65536"'), errors: at(/got port `65536`/) },
    { name: 'port abc', code: cache('"redis.example.com:abc"'), errors: at(/got port `abc`/) },
    { name: 'no port', code: cache('redis.example.com'), errors: at(/got no port; write `redis\.example\.com:6379`/, 28) },
    { name: 'empty host', code: cache('":6379"'), errors: at(/got an empty host/) },
    { name: 'empty address', code: cache('""'), errors: at(/got an empty address/, 13) },
    { name: 'unbracketed IPv6', code: cache('"::1:6379"'), errors: at(/^an IPv6 address must be in brackets: `\[::1\]:6379`$/) },
    { name: 'unbracketed IPv6, long form', code: cache('"2001:db8::7:6379"'), errors: at(/`\[2001:db8::7\]:6379`/) },
    { name: 'bracketed IPv6 without port: the suggestion keeps the brackets', code: cache('"[::1]"'), errors: at(/got no port; write `\[::1\]:6379`/) },
    { name: 'empty brackets', code: cache('"[]:6379"'), errors: at(/got an empty host/) },
    { name: 'brackets then no colon', code: cache('"[::1]6379"'), errors: at(/characters a host name cannot have/) },
    { name: 'brackets around a name that is not IPv6', code: cache('"[abc]:6379"'), errors: at(/^brackets are only for an IPv6 address, and `abc` is not one; write `abc:6379`$/) },
    { name: 'bracketed IPv6 with port 0', code: cache('"[::1]:0"'), errors: at(/got port `0`/) },
    { name: 'a host with a space', code: cache('"redis example:6379"'), errors: at(/characters a host name cannot have/) },
    { name: 'spaces around an otherwise good address', code: cache('" redis.example.com:6379 "'), errors: at(/spaces around it.*write `redis\.example\.com:6379`/) },
    { name: 'every bad address of a list is reported, in order', code: `version: 1
caches:
  - name: c
    type: redis
    redis:
      addresses: ["ok.example.com:6379", "redis://a:6379", "b", "c:99999"]
      tls: t
    encryption: {keys: {current: <vault.k>}}
tls:
  t: {caFile: /ca.pem}
`, errors: [{ line: 6, column: 42 }, { line: 6, column: 60 }, { line: 6, column: 65 }] },
    { name: 'one bad address in the second cache', code: `version: 1
caches:
  - {name: a, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}
  - {name: b, type: redis, redis: {addresses: ["localhost"]}, encryption: {disabled: true}}
`, errors: [{ line: 4, column: 48, endColumn: 59 }] },
  ],
});
