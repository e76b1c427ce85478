/**
 * Every rule has its documentation page (docs/rules/<id>.md) and, for the offline rules, its test file
 * (test/rules/<id>.test.ts). Each page's failing example really fails with that rule and its passing
 * example really passes: the examples are linted here, so a page cannot drift from the code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../../../src/pipeline/lint.js';
import { catalogue, stageCommand } from '../../../src/rules/catalogue.js';
import { rules } from '../../../src/rules/index.js';

const root = new URL('../../../', import.meta.url);
const docs = new URL('docs/rules/', root);
const all = catalogue();

function page(id: string): string {
  return readFileSync(new URL(`${id}.md`, docs), 'utf8');
}

/** The YAML code block right under a `## <heading>` heading. */
function example(markdown: string, heading: string): string | undefined {
  const at = markdown.indexOf(`\n## ${heading}\n`);
  if (at === -1) return undefined;
  const section = markdown.slice(at + heading.length + 5).split(/\n## /)[0] ?? '';
  return /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
}

function shown(text: string) {
  // As if saved beside the page: rules that look for files the config names look in docs/rules/.
  return lintText(text, { filePath: 'example.yaml', configDir: fileURLToPath(docs) }).diagnostics.filter((d) => !d.suppression);
}

test('every rule in the catalogue has a documentation page, and every page a rule', () => {
  const missing = all.filter((r) => !existsSync(new URL(`${r.id}.md`, docs))).map((r) => r.id);
  assert.equal(missing, [], `rules without docs/rules/<id>.md: ${missing.join(', ')}`);
  const ids = new Set(all.map((r) => r.id));
  const orphans = readdirSync(docs).filter((f) => f.endsWith('.md') && !ids.has(f.slice(0, -3)));
  assert.equal(orphans, [], 'doc pages for no rule');
});

test('every offline rule has its test file', () => {
  const folder = new URL('test/rules/', root);
  const missing = rules.map((r) => r.id).filter((id) => !existsSync(new URL(`${id}.test.ts`, folder)));
  assert.equal(missing, [], `offline rules without test/rules/<id>.test.ts: ${missing.join(', ')}`);
});

test('unused-disable, reported by the suppression filter rather than a rule module, has its tests', () => {
  assert.ok(existsSync(new URL('test/pipeline/suppressions.test.ts', root)));
});

for (const rule of all) {
  test(`${rule.id}: the page states its severity and has a failing and a passing example`, () => {
    const md = page(rule.id);
    assert.ok(md.startsWith(`# ${rule.id}\n`), 'the page is titled with the rule id');
    assert.ok(md.includes(`Severity: **${rule.severity}**`), `severity ${rule.severity} stated`);
    for (const heading of ['What it catches', 'Why it matters', 'How to fix']) assert.ok(md.includes(`\n## ${heading}\n`), `has "${heading}"`);
    assert.ok(example(md, 'Failing example'), 'has a failing example');
    assert.ok(example(md, 'Passing example'), 'has a passing example');
    if (rule.stage !== 'lint') assert.ok(md.includes(stageCommand(rule.stage)), 'says which command reports it');
  });

  if (rule.stage === 'lint') {
    test(`${rule.id}: the failing example fails with this rule, the passing example is clean`, () => {
      const md = page(rule.id);
      const failing = shown(example(md, 'Failing example') ?? '');
      assert.ok(failing.some((d) => d.ruleId === rule.id), `expected ${rule.id}, got: ${failing.map((d) => `${d.line}:${d.column} ${d.ruleId}`).join(', ') || 'nothing'}`);
      const passing = shown(example(md, 'Passing example') ?? '');
      assert.equal(passing.map((d) => `${d.line}:${d.column} ${d.ruleId}: ${d.message}`), [], 'the passing example has no finding at all');
    });
  } else {
    test(`${rule.id}: both examples lint clean (what fails is found only by ${stageCommand(rule.stage)})`, () => {
      const md = page(rule.id);
      for (const heading of ['Failing example', 'Passing example']) {
        const found = shown(example(md, heading) ?? '');
        assert.equal(found.map((d) => `${heading} ${d.line}:${d.column} ${d.ruleId}`), []);
      }
    });
  }
}

test('`maverics-config rules <id>` prints the page, `rules` lists every rule', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', new URL('src/cli/main.ts', root).pathname, ...args], { encoding: 'utf8' });
  const one = cli(['rules', 'redis-address']);
  assert.is(one.status, 0, one.stderr);
  assert.is(one.stdout, page('redis-address'));
  const list = cli(['rules']);
  assert.is(list.status, 0, list.stderr);
  for (const rule of all) assert.ok(list.stdout.includes(rule.id), `${rule.id} listed`);
});

test.run();
