import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'duplicate-key',
  severity: 'error',
  description: 'A mapping holds the same key twice; YAML keeps only the last, silently.',
  messages: { duplicate: '{message}' },
  onBrokenYaml: true,
  check({ parsed, report }) {
    for (const problem of parsed.problems) {
      if (problem.kind === 'duplicate-key') report({ path: [], messageId: 'duplicate', data: { message: problem.message }, range: problem.range });
    }
  },
};
export default rule;
