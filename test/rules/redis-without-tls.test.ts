import { CANARY, testRule } from '../support/rule-tester.js';

function cache(addresses: string, extra = ''): string {
  return `version: 1
caches:
  - name: c
    type: redis
    redis:
      addresses: ${addresses}${extra}
    encryption: {keys: {current: <vault.k>}}
`;
}

testRule('redis-without-tls', {
  valid: [
    { name: 'with a TLS profile', code: `${cache('["redis.example.com:6379"]', '\n      tls: redis-tls')}tls:\n  redis-tls: {caFile: /ca.pem}\n` },
    { name: 'loopback IPv4', code: cache('["127.0.0.1:6379"]') },
    { name: 'an address with a scheme is a redis-address error, not this', code: cache('["rediss://redis.example.com:6379"]') },
    { name: 'credentials without a scheme: redis-address reports it, and nothing repeats them', code: cache(`["user:${CANARY}@redis.example.com:6379"]`) },
    { name: 'credentials in a URL: redis-address reports it, and nothing repeats them', code: cache(`["redis://default:${CANARY}@redis.example.com:6379"]`) },
    { name: 'loopback 127/8', code: cache('["127.10.0.3:6379"]') },
    { name: 'localhost', code: cache('["localhost:6379", "LOCALHOST:6380"]') },
    { name: 'loopback IPv6', code: cache('["[::1]:6379"]') },
    { name: 'a reference address cannot be judged', code: cache('["<vault.redis_addr>"]') },
    { name: 'an env template address cannot be judged', code: cache('["{{ env.REDIS_ADDR }}"]') },
    { name: 'a TLS reference that is itself a reference counts as TLS', code: `${cache('["redis.example.com:6379"]', '\n      tls: <vault.tls_profile>')}` },
    { name: 'not a redis cache', code: `version: 1
caches:
  - {name: c, type: cluster, cluster: {name: x}}
` },
  ],
  invalid: [
    { name: 'a remote host without TLS', code: cache('["redis.example.com:6379"]'), errors: [{ line: 6, column: 19, endColumn: 43, severity: 'warning', message: /^cache `c` reaches `redis\.example\.com:6379` without TLS.*Name a TLS profile in `redis\.tls`$/ }] },
    { name: 'a docker-compose service name is not loopback', code: cache('["redis:6379"]'), errors: [{ line: 6, column: 19 }] },
    { name: 'the first non-loopback address of a list is the one reported', code: cache('["localhost:6379", "10.0.0.5:6379", "10.0.0.6:6379"]'), errors: [{ line: 6, column: 37, message: /`10\.0\.0\.5:6379`/ }] },
    { name: 'a global IPv6 address', code: cache('["[2001:db8::1]:6379"]'), errors: [{ line: 6, column: 19 }] },
    { name: 'each cache is judged on its own', code: `version: 1
caches:
  - {name: a, type: redis, redis: {addresses: ["localhost:6379"]}, encryption: {disabled: true}}
  - {name: b, type: redis, redis: {addresses: ["cache.internal:6379"]}, encryption: {disabled: true}}
`, errors: [{ line: 4, column: 48, message: /cache `b`/ }] },
  ],
});
