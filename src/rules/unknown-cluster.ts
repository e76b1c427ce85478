import { declaredTargets, slotReferences } from '../config/reference-slots.js';
import { referenceFix } from '../config/reference-fix.js';
import type { Rule } from './rule.js';
import { suggestion } from '../config/accessors.js';

const rule: Rule = {
  id: 'unknown-cluster',
  severity: 'error',
  description: '`caches[].cluster.name`, `session.store.cluster.name` or `http.routing.cluster.name` (legacy `http.routing.group.name`) names no `clusters[]` entry.',
  messages: {
    unknown: 'no cluster named `{name}` under `clusters`{hint}',
  },
  check({ config, parsed, report }) {
    const clusters = declaredTargets(config, 'cluster');
    for (const ref of slotReferences(config, 'cluster')) {
      if (clusters.has(ref.name)) continue;
      const hint = suggestion(ref.name, clusters, clusters.size ? '' : '; declare it in a top-level `clusters` list');
      report({ path: ref.path, messageId: 'unknown', data: { name: ref.name, hint }, fix: referenceFix(parsed, ref, clusters) });
    }
  },
};
export default rule;
