import type { Rule } from './rule.js';
import { entries, obj, scalarText } from '../config/accessors.js';

const rule: Rule = {
  id: 'duplicate-cache-name',
  severity: 'error',
  description: 'Two caches share a name, so a mode cannot tell which one it gets.',
  messages: { duplicate: 'another cache is already named `{name}` (caches[{first}]); cache names must be unique' },
  check({ config, report }) {
    const seen = new Map<string, number>();
    for (const cache of entries(config, [], 'caches')) {
      const name = scalarText(obj(cache.value).name);
      if (name === undefined) continue;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, cache.path[1] as number);
      else report({ path: [...cache.path, 'name'], messageId: 'duplicate', data: { name, first } });
    }
  },
};
export default rule;
