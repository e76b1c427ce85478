// Assembles schemas/maverics.schema.json from schemas/src/*.mjs. The published file is committed
// (editors and `maverics-config/schema.json` read it); test/schema/build.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as apps from '../schemas/src/apps.mjs';
import * as connectors from '../schemas/src/connectors.mjs';
import * as sections from '../schemas/src/sections.mjs';

const root = new URL('..', import.meta.url).pathname;
export const schemaPath = join(root, 'schemas/maverics.schema.json');

const DEFERRED_REF = '#/definitions/deferred';
/** Kept on the slot itself so that hover and completion still see them. */
const OUTER = new Set(['description', 'default', 'examples', '$comment', 'x-format']);

/**
 * Every enum, boolean and number slot also takes a value known only at start-up: yaml-language-server
 * would otherwise flag `level: "{{ env.LOG_LEVEL }}"` or `disabled: <vault.flag>`. The slot becomes
 * `anyOf: [what it was, deferred]`; src/schema/validate.ts reports only the first branch's error.
 */
function acceptDeferred(node) {
  if (Array.isArray(node)) return node.map(acceptDeferred);
  if (typeof node !== 'object' || node === null) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    // `if` conditions and `const`s are bookkeeping, not slots a user writes.
    out[key] = key === 'if' || key === 'enum' || key === 'examples' || key === 'default' ? value : acceptDeferred(value);
  }
  if (!isValueSlot(out)) return out;
  const outer = {};
  const inner = {};
  for (const [key, value] of Object.entries(out)) (OUTER.has(key) ? outer : inner)[key] = value;
  return { ...outer, anyOf: [inner, { $ref: DEFERRED_REF }] };
}

function isValueSlot(node) {
  if (Array.isArray(node.enum)) return true;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  return types.some((t) => t === 'boolean' || t === 'integer' || t === 'number') && !types.includes('string');
}

export function buildSchema() {
  const schema = {
    ...sections.root,
    definitions: {
      ...sections.definitions,
      connectorList: connectors.connectorList,
      ...connectors.definitions,
      appList: apps.appList,
      ...apps.definitions,
    },
  };
  const { definitions, ...top } = schema;
  const { deferred, ...rest } = definitions;
  return { ...acceptDeferred(top), definitions: { deferred, ...acceptDeferred(rest) } };
}

export function schemaText() {
  return `${JSON.stringify(buildSchema(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(schemaPath, schemaText());
}
