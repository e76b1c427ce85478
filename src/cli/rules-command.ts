import { readFile } from 'node:fs/promises';
import { UsageError } from '../base/errors.js';
import { catalogue, stageCommand } from '../rules/catalogue.js';
import { didYouMean } from '../base/did-you-mean.js';

/** `rules` lists the catalogue; `rules <id>` prints that rule's documentation page. */
export async function rulesCommand(args: string[]): Promise<number> {
  const all = catalogue();
  if (args.length > 1) throw new UsageError('rules takes at most one rule id');
  const [id] = args;
  if (id === undefined) {
    const width = Math.max(...all.map((r) => r.id.length));
    for (const r of all) {
      const where = r.stage === 'lint' ? '' : ` [${stageCommand(r.stage).replace(/^maverics-config /, '')}]`;
      process.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}${where}\n`);
    }
    return 0;
  }
  const rule = all.find((r) => r.id === id);
  if (!rule) {
    const close = didYouMean(id, all.map((r) => r.id));
    throw new UsageError(`no rule "${id}"${close ? `; did you mean "${close}"?` : '; run maverics-config rules for the list'}`);
  }
  try {
    process.stdout.write(await readFile(new URL(`../../docs/rules/${rule.id}.md`, import.meta.url), 'utf8'));
  } catch {
    process.stdout.write(`# ${rule.id}\n\nSeverity: ${rule.severity}\n\n${rule.description}\n`);
  }
  return 0;
}
