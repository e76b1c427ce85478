import type { Rule } from './rule.js';
import { obj, redisCaches } from '../config/accessors.js';

/** The settings `keys.disablePrefix` needs, as paths under the cache and as the user writes them. */
const NEEDS = [
  { on: (cache: Readonly<Record<string, unknown>>) => obj(cache.encryption).disabled === true, write: '`encryption.disabled: true`' },
  { on: (cache: Readonly<Record<string, unknown>>) => obj(obj(cache.hashing).keys).disabled === true, write: '`hashing.keys.disabled: true`' },
];

const rule: Rule = {
  id: 'disable-prefix-conflict',
  severity: 'error',
  description: 'A Redis cache sets `keys.disablePrefix` while its values are encrypted or its key names hashed; unprefixed keys need both turned off.',
  messages: {
    conflict: 'cache `{name}` sets `keys.disablePrefix: true`, which works only with encryption and hashing off; add {change} to this cache, or remove `keys.disablePrefix`',
  },
  check({ config, report }) {
    for (const cache of redisCaches(config)) {
      if (obj(cache.value.keys).disablePrefix !== true) continue;
      const missing = NEEDS.filter((n) => !n.on(cache.value)).map((n) => n.write);
      if (!missing.length) continue;
      report({ path: [...cache.path, 'keys', 'disablePrefix'], messageId: 'conflict', data: { name: String(cache.value.name ?? cache.path.join('')), change: missing.join(' and ') } });
    }
  },
};
export default rule;
