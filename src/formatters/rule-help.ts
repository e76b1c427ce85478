/** What CI formats say about a rule beyond its id: where its documentation lives and which command reports it. */
import { stageCommand, type RuleMeta } from '../rules/catalogue.js';

/**
 * Where the rule pages are published: `docs/rules/<id>.md` of the project's repository. One
 * constant, so that a move of the repository is a one-line change.
 */
export const PROJECT_URL = 'https://github.com/maverics-config/maverics-config';
export const DOCS_BASE_URL = `${PROJECT_URL}/blob/main/docs/rules/`;

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE_URL}${encodeURIComponent(id)}.md`;
}

export function reportedBy(rule: RuleMeta): string {
  return rule.stage === 'lint' ? '`maverics-config lint` (and `check`)' : `\`${stageCommand(rule.stage)}\``;
}

/** A short help text: the description, who reports it, and how to read the full page offline. */
export function ruleHelpText(rule: RuleMeta): string {
  return `${rule.description} Reported by ${reportedBy(rule)}, severity ${rule.severity}. Run \`maverics-config rules ${rule.id}\` or see ${ruleDocUrl(rule.id)} for examples and how to fix it.`;
}
