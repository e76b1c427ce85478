import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'yaml-syntax',
  severity: 'error',
  description: 'The file is not valid YAML (tabs used for indentation included).',
  messages: { syntax: '{message}' },
  onBrokenYaml: true,
  check({ parsed, report }) {
    for (const problem of parsed.problems) {
      if (problem.kind !== 'yaml-syntax') continue;
      // Parse problems carry ranges, not paths: report at the document and move the range after.
      report({ path: [], messageId: 'syntax', data: { message: problem.message }, severity: problem.severity, range: problem.range });
    }
  },
};
export default rule;
