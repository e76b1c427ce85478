import type { Rule } from './rule.js';
import { entries, obj } from '../config/accessors.js';

const rule: Rule = {
  id: 'reserved-cache-name',
  severity: 'error',
  description: 'A cache named `local_default`, the name of the built-in in-memory cache.',
  messages: {
    reserved: '`local_default` is reserved for the built-in in-memory cache, which is always present; give this cache another name (modes can still use `cache: local_default`)',
  },
  check({ config, report }) {
    for (const cache of entries(config, [], 'caches')) {
      if (obj(cache.value).name === 'local_default') report({ path: [...cache.path, 'name'], messageId: 'reserved' });
    }
  },
};
export default rule;
