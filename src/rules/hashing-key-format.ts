import { hashingKeySlots, isLiteralKey, keyProblem } from '../config/key-format.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'hashing-key-format',
  severity: 'warning',
  description: 'A literal or resolved hashing key that is not 64 hex characters.',
  messages: {
    format: 'this hashing key {problem}; use 64 hex characters (32 random bytes), e.g. from `openssl rand -hex 32` or `maverics-config keygen`',
  },
  check({ config, report }) {
    for (const slot of hashingKeySlots(config)) {
      if (!isLiteralKey(slot.value)) continue;
      const problem = keyProblem(slot.value);
      if (problem) report({ path: slot.path, messageId: 'format', data: { problem } });
    }
  },
};
export default rule;
