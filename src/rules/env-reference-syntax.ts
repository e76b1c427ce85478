import { malformedEnvTemplates } from '../config/secret-references.js';
import { takesAttributeTemplates } from '../config/reference-slots.js';
import type { Rule } from './rule.js';
import { secretKeyName } from '../config/secret-keys.js';

const rule: Rule = {
  id: 'env-reference-syntax',
  severity: 'warning',
  description: 'A `{{ … }}` that is not `{{ env.NAME }}` (nor `{{ se.… }}`, nor `{{ connector.attribute }}` in a header value, a claims mapping or an authorization rule).',
  messages: {
    malformed: '`{text}` is not an environment template the Orchestrator substitutes; write `{{ env.NAME }}` (lower-case `env.`, a name of letters, digits and _, two braces on each side)',
    // At a secret key the value is, until it is a real template, a literal secret: never quote it.
    malformedSecret: 'this is not an environment template the Orchestrator substitutes; write `{{ env.NAME }}` (lower-case `env.`, a name of letters, digits and _, two braces on each side)',
  },
  check({ parsed, report }) {
    for (const { path, value } of parsed.strings) {
      // Header values, claims mappings and authorization rules take connector attribute templates
      // (`{{ azure.groups }}`); unknown-connector checks that the connector exists.
      const issue = malformedEnvTemplates(value, takesAttributeTemplates(path))[0];
      if (!issue) continue;
      if (secretKeyName(path)) report({ path, messageId: 'malformedSecret' });
      else report({ path, messageId: 'malformed', data: { text: issue.text.length > 40 ? `${issue.text.slice(0, 40)}…` : issue.text } });
    }
  },
};
export default rule;
