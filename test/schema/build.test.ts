/**
 * The published schema is assembled from schemas/src/ by scripts/build-schema.mjs; this fails when
 * someone edits one without the other. Also: what lint compiles leaves out exactly what the editor
 * alone needs (rule-owned checks, the deferred-value alternatives).
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
// @ts-expect-error: a build script in plain JavaScript, without declarations.
import { schemaText } from '../../scripts/build-schema.mjs';
// @ts-expect-error: as above.
import { forLint } from '../../scripts/generate-validator.mjs';

const published = readFileSync(new URL('../../schemas/maverics.schema.json', import.meta.url), 'utf8');

test('schemas/maverics.schema.json is what scripts/build-schema.mjs builds from schemas/src/ (run `npm run schema`)', () => {
  assert.ok((schemaText as () => string)() === published, 'the published schema is stale: run `npm run schema` and commit the result');
});

function collect(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => collect(n, key, out));
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      collect(v, key, out);
    }
  }
  return out;
}

test('the editor schema carries the rule-owned checks; the lint validator leaves them to the rules', () => {
  const schema = JSON.parse(published) as unknown;
  assert.equal([...new Set(collect(schema, 'x-rule'))].sort(), ['encryption-key-format', 'hashing-key-format', 'reserved-cache-name']);
  const lint = (forLint as (s: unknown) => unknown)(schema);
  assert.equal(collect(lint, 'x-rule'), []);
  assert.equal(collect(lint, 'anyOf'), [], 'lint judges deferred values itself');
  assert.ok(collect(schema, 'anyOf').length > 50, 'every enum/boolean/number slot takes a deferred value in the editor');
});

test('every closed object states its surface policy (complete or partial)', () => {
  const schema = JSON.parse(published) as unknown;
  const missing: string[] = [];
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.additionalProperties === false && !['complete', 'partial'].includes(String(o['x-surface']))) missing.push(at);
    for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
  };
  walk(schema, '#');
  assert.equal(missing, []);
});

test.run();
