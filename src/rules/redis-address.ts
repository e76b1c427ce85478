import type { Rule } from './rule.js';
import { isLiteralName, list, obj, redisCaches } from '../config/accessors.js';
import { addressProblem } from '../config/redis-address.js';

const rule: Rule = {
  id: 'redis-address',
  severity: 'error',
  description: 'A Redis address that is not host:port (a scheme, a missing or bad port, an empty host, an unbracketed IPv6 address).',
  messages: {
    scheme: 'expected host:port, got a URL with scheme {scheme}://; write `{fixed}`',
    noPort: 'expected host:port, got no port; write `{host}:6379` (6379 is Redis\'s default port)',
    badPort: 'expected host:port with a port from 1 to 65535, got port `{port}`',
    emptyHost: 'expected host:port, got an empty host; write e.g. `redis.example.com:{port}`',
    ipv6: 'an IPv6 address must be in brackets: `[{host}]:{port}`',
    brackets: 'brackets are only for an IPv6 address, and `{host}` is not one; write `{host}:{port}`',
    badHost: 'expected host:port, got a host with characters a host name cannot have (spaces, slashes, …)',
    empty: 'expected host:port, got an empty address',
    spaces: 'the address has spaces around it, which the Orchestrator does not strip (the host name would be looked up with them); write `{trimmed}`',
    query: 'expected host:port, got a query string (`?…`), which may hold a password; put credentials in `redis.username` and `redis.password` (best a secret reference) and write the address as host:port',
    credentials: 'expected host:port, got credentials before `@`; put them in `redis.username` and `redis.password` (best a secret reference) and write the address as host:port',
  },
  check({ config, report }) {
    for (const cache of redisCaches(config)) {
      list(obj(cache.value.redis).addresses).forEach((address, i) => {
        if (!isLiteralName(address)) {
          if (address === '') report({ path: [...cache.path, 'redis', 'addresses', i], messageId: 'empty' });
          return;
        }
        const trimmed = address.trim();
        const problem = addressProblem(trimmed) ?? (trimmed !== address ? { id: 'spaces', data: { trimmed } } : undefined);
        if (problem) report({ path: [...cache.path, 'redis', 'addresses', i], messageId: problem.id, data: problem.data });
      });
    }
  },
};

export default rule;
