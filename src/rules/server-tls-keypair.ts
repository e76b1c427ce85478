import { formatPath } from '../base/diagnostics.js';
import type { Rule } from './rule.js';
import { slotReferences } from '../config/reference-slots.js';
import { isObj, obj } from '../config/accessors.js';

const rule: Rule = {
  id: 'server-tls-keypair',
  severity: 'error',
  description: 'A profile used by `http.tls` or `http.hosts[].tls` lacks `certFile` or `keyFile`.',
  messages: {
    missing: 'the TLS profile `{name}` serves the Orchestrator\'s listener (`{usedBy}`) but has no {missing}; a server needs its certificate and private key',
  },
  check({ config, report }) {
    const reported = new Set<string>();
    for (const ref of slotReferences(config, 'tls')) {
      if (ref.role !== 'server' || reported.has(ref.name)) continue;
      const profile = obj(config.tls)[ref.name];
      if (!isObj(profile)) continue;
      const missing = ['certFile', 'keyFile'].filter((k) => profile[k] === undefined || profile[k] === null || profile[k] === '');
      if (!missing.length) continue;
      reported.add(ref.name);
      const usedBy = formatPath(ref.path);
      report({ path: ['tls', ref.name], target: 'key', messageId: 'missing', data: { name: ref.name, usedBy, missing: missing.map((m) => `\`${m}\``).join(' or ') } });
    }
  },
};
export default rule;
