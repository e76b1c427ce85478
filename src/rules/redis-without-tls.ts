import type { Rule } from './rule.js';
import { isLiteralName, list, obj, redisCaches } from './util.js';

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
      // An address with a scheme is already a redis-address error; saying more about it is noise.
      const index = addresses.findIndex((a) => isLiteralName(a) && !a.includes('://') && !isLoopback(a));
      if (index === -1) continue;
      report({ path: [...cache.path, 'redis', 'addresses', index], messageId: 'plaintext', data: { name: String(cache.value.name ?? ''), address: withoutCredentials(String(addresses[index])) } });
    }
  },
};

/** An address as it may be shown: `user:password@` (with or without a scheme) cut out, since the password is a secret. */
export function withoutCredentials(address: string): string {
  const at = address.lastIndexOf('@');
  if (at === -1) return address;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(address)?.[0] ?? '';
  return `${scheme}…@${address.slice(at + 1)}`;
}

export function isLoopback(address: string): boolean {
  const host = address.replace(/:\d*$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
export default rule;
