import type { JsonPath } from '../diagnostics.js';
import type { Rule } from './rule.js';
import { declaredNames, entries, isLiteralName, obj, suggestion, type Obj } from './util.js';

/** Every place that names a `clusters[]` entry. */
export function clusterReferences(config: Obj): { name: unknown; path: JsonPath }[] {
  const refs: { name: unknown; path: JsonPath }[] = [];
  for (const c of entries(config, [], 'caches')) {
    const cluster = obj(c.value).cluster;
    if (cluster !== undefined) refs.push({ name: obj(cluster).name, path: [...c.path, 'cluster', 'name'] });
  }
  const store = obj(obj(config.session).store);
  if (store.cluster !== undefined) refs.push({ name: obj(store.cluster).name, path: ['session', 'store', 'cluster', 'name'] });
  const routing = obj(obj(config.http).routing);
  if (routing.cluster !== undefined) refs.push({ name: obj(routing.cluster).name, path: ['http', 'routing', 'cluster', 'name'] });
  return refs;
}

const rule: Rule = {
  id: 'unknown-cluster',
  severity: 'error',
  description: '`caches[].cluster.name`, `session.store.cluster.name` or `http.routing.cluster.name` names no `clusters[]` entry.',
  messages: {
    unknown: 'no cluster named `{name}` under `clusters`{hint}',
  },
  check({ config, report }) {
    const clusters = declaredNames(config, 'clusters');
    for (const ref of clusterReferences(config)) {
      if (!isLiteralName(ref.name) || clusters.has(ref.name)) continue;
      const hint = suggestion(ref.name, clusters, clusters.size ? '' : '; declare it in a top-level `clusters` list');
      report({ path: ref.path, messageId: 'unknown', data: { name: ref.name, hint } });
    }
  },
};
export default rule;
