import type { Rule } from './rule.js';
import { usedTlsProfiles } from '../config/reference-slots.js';
import { tlsProfileNames } from '../config/accessors.js';

const rule: Rule = {
  id: 'unused-tls-profile',
  severity: 'warning',
  description: 'A TLS profile nobody references.',
  messages: {
    unused: 'the TLS profile `{name}` is not referenced by http.tls, http.hosts[].tls, a connector or a cache; remove it or reference it',
  },
  check({ config, parsed, report }) {
    const used = usedTlsProfiles(config, parsed.strings);
    for (const name of tlsProfileNames(config)) {
      if (!used.has(name)) report({ path: ['tls', name], target: 'key', messageId: 'unused', data: { name } });
    }
  },
};
export default rule;
