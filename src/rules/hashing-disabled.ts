import type { Rule } from './rule.js';
import { obj, redisCaches } from '../config/accessors.js';

const rule: Rule = {
  id: 'hashing-disabled',
  severity: 'warning',
  description: 'A Redis cache stores key names in the clear.',
  messages: {
    disabled: 'cache `{name}` stores key names in Redis in the clear; names can carry user ids, emails or session ids. Turn hashing off only to debug',
  },
  check({ config, report }) {
    for (const cache of redisCaches(config)) {
      if (obj(obj(cache.value.hashing).keys).disabled === true) {
        report({ path: [...cache.path, 'hashing', 'keys', 'disabled'], messageId: 'disabled', data: { name: String(cache.value.name ?? cache.path.join('')) } });
      }
    }
  },
};
export default rule;
