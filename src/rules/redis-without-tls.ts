import type { Rule } from './rule.js';
import { addressProblem } from '../config/redis-address.js';
import { isLiteralName, list, obj, redisCaches } from '../config/accessors.js';

const rule: Rule = {
  id: 'redis-without-tls',
  severity: 'warning',
  description: 'A Redis cache without a TLS profile whose address is not loopback.',
  messages: {
    plaintext: 'cache `{name}` reaches `{address}` without TLS: the Redis password and every cached value cross the network in plaintext. Name a TLS profile in `redis.tls`',
  },
  check({ config, report }) {
    for (const cache of redisCaches(config)) {
      const redis = obj(cache.value.redis);
      if (redis.tls !== undefined) continue;
      const addresses = list(redis.addresses);
      // A malformed address (a URL, credentials before `@`, …) is already a redis-address error; saying
      // more about it is noise, and quoting it could repeat a password written into it.
      const index = addresses.findIndex((a) => isLiteralName(a) && addressProblem(a.trim()) === undefined && !isLoopback(a));
      if (index === -1) continue;
      report({ path: [...cache.path, 'redis', 'addresses', index], messageId: 'plaintext', data: { name: String(cache.value.name ?? ''), address: String(addresses[index]) } });
    }
  },
};

export function isLoopback(address: string): boolean {
  const host = address.replace(/:\d*$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
export default rule;
