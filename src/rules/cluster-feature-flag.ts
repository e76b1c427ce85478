import type { JsonPath } from '../base/diagnostics.js';
import type { Rule } from './rule.js';
import { entries, featureOn, obj } from '../config/accessors.js';

const rule: Rule = {
  id: 'cluster-feature-flag',
  severity: 'warning',
  description: 'Cluster features are used without `features.experimental.clusters` turned on, so the Orchestrator silently ignores them.',
  messages: {
    off: '{what} needs the feature flag `experimental.clusters`; without it the Orchestrator silently ignores cluster configuration. Add `features: { experimental.clusters: "true" }`',
  },
  check({ config, report }) {
    if (featureOn(config, 'experimental.clusters')) return;
    const uses: { path: JsonPath; what: string }[] = [];
    if (config.clusters !== undefined) uses.push({ path: ['clusters'], what: '`clusters`' });
    for (const c of entries(config, [], 'caches')) {
      if (obj(c.value).type === 'cluster') uses.push({ path: [...c.path, 'type'], what: 'a cache of type cluster' });
    }
    if (obj(obj(config.session).store).type === 'cluster') uses.push({ path: ['session', 'store', 'type'], what: 'a cluster session store' });
    if (obj(obj(config.http).routing).type === 'cluster') uses.push({ path: ['http', 'routing', 'type'], what: 'cluster routing' });
    for (const use of uses) report({ path: use.path, target: use.path.length === 1 ? 'key' : 'value', messageId: 'off', data: { what: use.what } });
  },
};
export default rule;
