import { declaredTargets, slotReferences } from '../config/reference-slots.js';
import { referenceFix } from '../config/reference-fix.js';
import type { Rule } from './rule.js';
import { knownList, suggestion } from '../config/accessors.js';

const rule: Rule = {
  id: 'unknown-cache',
  severity: 'error',
  description: 'A mode\'s `cache` names no declared cache (and is not `local_default`).',
  messages: {
    unknown: 'no cache named `{name}`{hint}',
  },
  check({ config, parsed, report }) {
    const declared = declaredTargets(config, 'cache');
    for (const ref of slotReferences(config, 'cache')) {
      if (ref.name === 'local_default' || declared.has(ref.name)) continue;
      const hint = suggestion(ref.name, [...declared, 'local_default'], `; declare it under \`caches\`, or use \`local_default\` (the built-in in-memory cache)${knownList('declared', declared)}`);
      report({ path: ref.path, messageId: 'unknown', data: { name: ref.name, hint }, fix: referenceFix(parsed, ref, [...declared, 'local_default']) });
    }
  },
};
export default rule;
