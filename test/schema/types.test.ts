/**
 * Issue 13's bar for every connector and app type: a fixture using every documented key of the
 * type lints clean (fixtures/ok, checked by fixtures.test.ts; here: that it really uses every key),
 * and an error fixture shows a misspelt key, a wrong type and a missing key with the right rules
 * (fixtures/err goldens; here: that each golden has all three).
 */
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';

type Node = { properties?: Record<string, Node>; $ref?: string; anyOf?: Node[]; enum?: string[]; 'x-discriminator'?: { prefix: string } };
const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schemas/maverics.schema.json', root), 'utf8')) as { definitions: Record<string, Node> };
const defs = schema.definitions;
const deref = (n: Node | undefined): Node | undefined => (n?.$ref ? deref(defs[n.$ref.split('/').pop() ?? '']) : n);

/**
 * Every key path the definition documents, nested objects included. A service extension's own keys
 * (file or inline code, metadata) are one shared shape, not the type's: they are not demanded at every hook.
 */
function documentedPaths(node: Node | undefined, prefix = ''): string[] {
  return Object.entries(deref(node)?.properties ?? {}).flatMap(([key, sub]) => [
    `${prefix}${key}`,
    ...(sub.$ref === '#/definitions/serviceExtension' ? [] : documentedPaths(sub, `${prefix}${key}.`)),
  ]);
}

/** Every key path the fixture's items of this type use (lists are looked into). */
function usedPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => usedPaths(v, prefix, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.add(`${prefix}${k}`);
      usedPaths(v, `${prefix}${k}.`, out);
    }
  }
  return out;
}

for (const kind of ['connector', 'app'] as const) {
  const types = deref(defs[kind]?.properties?.type)?.anyOf?.[0]?.enum ?? [];
  test(`the ${kind} types are the documented ones`, () => {
    assert.ok(types.length === (kind === 'connector' ? 15 : 5), types.join(', '));
  });
  for (const type of types) {
    test(`${kind} ${type}: the ok fixture uses every documented key of the type`, () => {
      const file = new URL(`fixtures/ok/${kind}-${type}.yaml`, root);
      assert.ok(existsSync(file), `fixtures/ok/${kind}-${type}.yaml is missing`);
      const doc = parse(readFileSync(file, 'utf8')) as Record<string, { type?: string }[]>;
      const items = (doc[`${kind}s`] ?? []).filter((item) => item.type === type);
      const used = usedPaths(items);
      // Keys whose values are the user's own names (claimsMapping, metadata, …) have no documented keys below them.
      const missing = documentedPaths(defs[`${kind}.${type}`]).filter((p) => !used.has(p));
      assert.equal(missing, []);
    });
    test(`${kind} ${type}: the error fixture has a misspelt key, a wrong type and a missing required key`, () => {
      const golden = readFileSync(new URL(`fixtures/err/${kind}-${type}.expected`, root), 'utf8');
      const rules = new Set(golden.trim().split('\n').map((line) => line.split(' ')[1]));
      assert.equal([...rules].sort(), ['required-key', 'unknown-key', 'wrong-type']);
    });
  }
}

test.run();
