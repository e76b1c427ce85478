import { formatPath } from '../base/diagnostics.js';
import { obj, redisCaches } from '../config/accessors.js';
import { keySlots } from '../config/key-format.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'encryption-key-reuse',
  severity: 'warning',
  description: 'The same encryption key (or the same reference) twice among `current` and `old`.',
  messages: {
    reference: 'the reference <{reference}> is already used at `{first}`; after a rotation `current` and each `old` key must differ, or the old key was never rotated out',
    literal: 'this key is the same as the one at `{first}`; after a rotation `current` and each `old` key must differ',
  },
  check({ config, report }) {
    for (const cache of redisCaches(config)) {
      const seen = new Map<string, string>();
      const base = [...cache.path, 'encryption', 'keys'];
      for (const slot of keySlots(obj(cache.value.encryption).keys, base)) {
        if (typeof slot.value !== 'string' || slot.value === '') continue;
        const where = formatPath(slot.path.slice(base.length));
        const first = seen.get(slot.value);
        if (first === undefined) {
          seen.set(slot.value, where);
          continue;
        }
        const reference = /^<(.+)>$/.exec(slot.value)?.[1];
        report({ path: slot.path, messageId: reference ? 'reference' : 'literal', data: { first, reference: reference ?? '' } });
      }
    }
  },
};
export default rule;
