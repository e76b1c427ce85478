import { formatPath } from '../diagnostics.js';
import type { Rule } from './rule.js';
import { secretKeyName } from './secret-keys.js';

const rule: Rule = {
  id: 'placeholder-value',
  severity: 'error',
  description: 'An unfilled template placeholder such as `{ OKTA DOMAIN }`, which YAML reads as a mapping.',
  messages: {
    placeholder: '`{path}` is an unfilled placeholder `{text}` (YAML reads it as a mapping); replace it with the real value',
  },
  check({ parsed, report }) {
    for (const path of parsed.placeholders) {
      // At a secret key, `{abc123}` may be the secret itself in braces (YAML reads it as a mapping): never quote it.
      const text = (secretKeyName(path) ? undefined : parsed.sourceMap.sourceText(path)) ?? '{ … }';
      report({ path, messageId: 'placeholder', data: { path: formatPath(path), text: text.length > 60 || text.includes('\n') ? '{ … }' : text } });
    }
  },
};

export default rule;
