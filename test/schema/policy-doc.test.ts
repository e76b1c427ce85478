/** docs/surface-policy.md's coverage table is the schema's, not a hand-kept copy that drifts. */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
// @ts-expect-error: a script in plain JavaScript, without declarations.
import { surfaceTable } from '../../scripts/surface-table.mjs';

const root = new URL('../../', import.meta.url);

test('the coverage table in docs/surface-policy.md matches the schema (node scripts/surface-table.mjs)', () => {
  const page = readFileSync(new URL('docs/surface-policy.md', root), 'utf8');
  const table = /<!-- surface-table:start -->\n([\s\S]*?)\n<!-- surface-table:end -->/.exec(page)?.[1];
  const schema = JSON.parse(readFileSync(new URL('schemas/maverics.schema.json', root), 'utf8')) as unknown;
  assert.ok(table, 'the page has no surface-table block');
  assert.ok(table === (surfaceTable as (s: unknown) => string)(schema), 'the table is stale: paste the output of `node scripts/surface-table.mjs`');
});

test('every connector and app type has a row, with its policy', () => {
  const page = readFileSync(new URL('docs/surface-policy.md', root), 'utf8');
  for (const row of ['`connectors[] (type okta)` | 26', '`connectors[] (type ldap)`', '`apps[] (type mcpBridge)`']) assert.ok(page.includes(row), row);
  assert.match(page, /`connectors\[\] \(type windowsclientauthenticator\)` \| \d+ \| [^|]+ \| warning \(partial\) \|/);
});

test.run();
