// The coverage table of docs/surface-policy.md, from the published schema: each object the schema
// closes, the keys it models and its severity policy. `node scripts/surface-table.mjs` prints it;
// test/schema/policy-doc.test.ts fails when the page is out of step.
import { readFileSync } from 'node:fs';

/** Shared blocks (a service extension, an app's authentication, …) are listed where they first appear. */
export function surfaceRows(schema) {
  const defs = schema.definitions;
  const deref = (n) => (n?.$ref ? deref(defs[n.$ref.split('/').pop()]) : n);
  const rows = [];
  const seen = new Set();
  const walk = (start, path) => {
    const node = deref(start);
    if (!node || typeof node !== 'object') return;
    if (node['x-discriminator']) {
      const { prefix } = node['x-discriminator'];
      for (const type of node.properties.type.anyOf[0].enum) walk(defs[`${prefix}.${type}`], `${path} (type ${type})`);
      return;
    }
    if (node.items) return walk(node.items, `${path}[]`);
    if (!node.properties && node.type === 'object' && typeof node.additionalProperties === 'object') return walk(node.additionalProperties, `${path}.<name>`);
    if (!node.properties) return;
    const id = JSON.stringify(node);
    if (seen.has(id)) return;
    seen.add(id);
    if (node['x-surface']) rows.push({ path: path || '(top level)', keys: Object.keys(node.properties), surface: node['x-surface'] });
    for (const [key, sub] of Object.entries(node.properties)) walk(sub, path ? `${path}.${key}` : key);
  };
  walk(schema, '');
  return rows;
}

export function surfaceTable(schema) {
  const lines = ['| object | keys | modelled keys | unknown key |', '|---|---|---|---|'];
  for (const { path, keys, surface } of surfaceRows(schema)) {
    lines.push(`| \`${path}\` | ${keys.length} | ${keys.map((k) => `\`${k}\``).join(', ')} | ${surface === 'partial' ? 'warning (partial)' : 'error (complete)'} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(surfaceTable(JSON.parse(readFileSync(new URL('../schemas/maverics.schema.json', import.meta.url), 'utf8'))));
}
