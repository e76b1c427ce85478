import { encryptionKeySlots, isLiteralKey, keyProblem } from '../config/key-format.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'encryption-key-format',
  severity: 'error',
  description: 'A literal or resolved encryption key that is not exactly 64 hex characters (32 bytes for AES-256).',
  messages: {
    format: 'this encryption key {problem}; AES-256-GCM needs exactly 64 hex characters (32 bytes): generate one with `openssl rand -hex 32` or `maverics-config keygen`',
    notString: 'an encryption key must be a string of 64 hex characters or a secret reference, got {kind}',
  },
  check({ config, report }) {
    for (const slot of encryptionKeySlots(config)) {
      if (typeof slot.value === 'number') {
        report({ path: slot.path, messageId: 'notString', data: { kind: 'a number (quote it)' } });
        continue;
      }
      if (!isLiteralKey(slot.value)) continue;
      const problem = keyProblem(slot.value);
      if (problem) report({ path: slot.path, messageId: 'format', data: { problem } });
    }
  },
};
export default rule;
