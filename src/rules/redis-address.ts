import { replaceValueFix } from '../parse/scalar-fix.js';
import type { Rule } from './rule.js';
import { isLiteralName, list, obj, redisCaches } from '../config/accessors.js';
import { addressProblem, type AddressProblem } from '../config/redis-address.js';

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
  check({ config, parsed, report }) {
    for (const cache of redisCaches(config)) {
      list(obj(cache.value.redis).addresses).forEach((address, i) => {
        if (!isLiteralName(address)) {
          if (address === '') report({ path: [...cache.path, 'redis', 'addresses', i], messageId: 'empty' });
          return;
        }
        const trimmed = address.trim();
        const problem: Problem | undefined = addressProblem(trimmed) ?? (trimmed !== address ? { id: 'spaces', data: { trimmed } } : undefined);
        if (!problem) return;
        const path = [...cache.path, 'redis', 'addresses', i];
        const fixed = fixedAddress(trimmed, problem);
        report({ path, messageId: problem.id, data: problem.data, fix: fixed === undefined ? undefined : replaceValueFix(parsed, path, fixed) });
      });
    }
  },
};

type Problem = AddressProblem | { id: 'spaces'; data: { trimmed: string } };

/**
 * The address to write instead, for the problems with one safe answer: `redis://` before a plain
 * host:port, and a missing port (Redis's 6379). Never `rediss://` (its TLS intent would be dropped
 * in silence) and never when the address carries credentials, a path or a query: dropping them
 * would lose what the author wrote, and they may hold a password.
 */
function fixedAddress(address: string, problem: Problem): string | undefined {
  if (problem.id === 'noPort') return `${problem.data.host}:6379`;
  if (problem.id === 'scheme' && /^redis:\/\/[^/?#@]+\/?$/i.test(address)) return problem.data.fixed;
  return undefined;
}

export default rule;
