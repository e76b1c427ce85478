import { didYouMean } from '../schema/did-you-mean.js';
import type { Rule } from './rule.js';
import { tlsReferences } from './tls-references.js';
import { tlsProfileNames } from './util.js';

const rule: Rule = {
  id: 'unknown-tls-profile',
  severity: 'error',
  description: 'A TLS reference names no profile under the top-level `tls`; the Orchestrator refuses to start.',
  messages: {
    unknown: 'no TLS profile named `{name}` under the top-level `tls`{hint}',
  },
  check({ config, report }) {
    const profiles = tlsProfileNames(config);
    for (const ref of tlsReferences(config)) {
      if (profiles.has(ref.name)) continue;
      const close = didYouMean(ref.name, profiles);
      const hint = close
        ? `; did you mean \`${close}\`?`
        : profiles.size
          ? ` (profiles: ${[...profiles].map((p) => `\`${p}\``).join(', ')})`
          : '; add one, e.g. `tls: { ' + ref.name + ': { caFile: /path/ca.pem } }`';
      report({ path: ref.path, messageId: 'unknown', data: { name: ref.name, hint } });
    }
  },
};
export default rule;
