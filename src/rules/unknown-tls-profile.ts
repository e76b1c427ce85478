import { declaredTargets, slotReferences } from '../config/reference-slots.js';
import { referenceFix } from '../config/reference-fix.js';
import type { Rule } from './rule.js';
import { knownList, suggestion } from '../config/accessors.js';

const rule: Rule = {
  id: 'unknown-tls-profile',
  severity: 'error',
  description: 'A TLS reference names no profile under the top-level `tls`; the Orchestrator refuses to start.',
  messages: {
    unknown: 'no TLS profile named `{name}` under the top-level `tls`{hint}',
  },
  check({ config, parsed, report }) {
    const profiles = declaredTargets(config, 'tls');
    for (const ref of slotReferences(config, 'tls')) {
      if (profiles.has(ref.name)) continue;
      const otherwise = profiles.size ? knownList('profiles', profiles) : `; add one, e.g. \`tls: { ${ref.name}: { caFile: /path/ca.pem } }\``;
      const hint = suggestion(ref.name, profiles, otherwise);
      report({ path: ref.path, messageId: 'unknown', data: { name: ref.name, hint }, fix: referenceFix(parsed, ref, profiles) });
    }
  },
};
export default rule;
