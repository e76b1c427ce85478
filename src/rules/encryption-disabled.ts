import type { Rule } from './rule.js';
import { obj, redisCaches } from '../config/accessors.js';

const rule: Rule = {
  id: 'encryption-disabled',
  severity: 'warning',
  description: 'A Redis cache stores values unencrypted.',
  messages: {
    disabled: 'cache `{name}` stores values in Redis unencrypted: anyone with access to Redis, its backups or its replication stream reads them. Keep encryption on unless Redis encrypts at rest and the network is trusted',
  },
  check({ config, report }) {
    for (const cache of redisCaches(config)) {
      if (obj(cache.value.encryption).disabled === true) {
        report({ path: [...cache.path, 'encryption', 'disabled'], messageId: 'disabled', data: { name: String(cache.value.name ?? cache.path.join('')) } });
      }
    }
  },
};
export default rule;
