/**
 * The JSON Schema that editors load (`maverics-config/schema.json`): valid draft-07 by the meta-schema,
 * and every property described, since the description is what an editor shows on hover.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

type Schema = Record<string, unknown>;

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { exports: Record<string, unknown>; files: string[] };
const schemaFile = String(pkg.exports['./schema.json']);
const schema = JSON.parse(readFileSync(new URL(schemaFile, root), 'utf8')) as Schema;

test('package.json exports the schema as maverics-config/schema.json, and ships it', () => {
  assert.is(schemaFile, './schemas/maverics.schema.json');
  assert.ok(pkg.files.includes('schemas'));
});

test('the schema declares draft-07 and is valid against the draft-07 meta-schema', () => {
  assert.is(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  // A CommonJS module: under NodeNext its class is the default export's `default`.
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  const valid = ajv.validateSchema(schema);
  assert.ok(valid, ajv.errorsText(ajv.errors));
});

test('the meta-schema check does catch a broken schema (so the test above means something)', () => {
  const ajv = new Ajv.default({ strict: false });
  assert.not.ok(ajv.validateSchema({ ...schema, properties: { version: { type: 'strin' } } }));
});

/** The definition a local `$ref` points at. */
function resolve(ref: string): Schema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = schema;
  for (const seg of ref.slice(2).split('/')) node = (node as Schema | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node as Schema | undefined;
}

function described(sub: unknown): boolean {
  if (typeof sub !== 'object' || sub === null) return false;
  const s = sub as Schema;
  if (typeof s.description === 'string' && s.description.trim() !== '') return true;
  // An editor follows the reference and shows the definition's description.
  return typeof s.$ref === 'string' && described(resolve(s.$ref));
}

/**
 * Every property declaration, with its location. Properties inside `if`/`then`/`else`/`not` are
 * constraints on properties declared elsewhere in the same object, not declarations; they are skipped.
 */
function declarations(node: unknown, at: string, out: { at: string; sub: unknown }[] = []) {
  if (Array.isArray(node)) node.forEach((n, i) => declarations(n, `${at}/${i}`, out));
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return out;
  for (const [key, value] of Object.entries(node as Schema)) {
    if (['if', 'then', 'else', 'not', 'enum', 'const', 'examples', 'default'].includes(key)) continue;
    if ((key === 'properties' || key === 'patternProperties') && typeof value === 'object' && value !== null) {
      for (const [name, sub] of Object.entries(value)) {
        out.push({ at: `${at}/${key}/${name}`, sub });
        declarations(sub, `${at}/${key}/${name}`, out);
      }
    } else {
      declarations(value, `${at}/${key}`, out);
    }
  }
  return out;
}

test('every property in the schema carries a description (its own, or its definition\'s)', () => {
  const all = declarations(schema, '#');
  assert.ok(all.length > 50, `found ${all.length} properties`);
  const missing = all.filter((d) => !described(d.sub)).map((d) => d.at);
  assert.equal(missing, [], `properties without a description:\n${missing.join('\n')}`);
});

test('every definition carries a description too', () => {
  const definitions = (schema.definitions ?? {}) as Record<string, Schema>;
  const missing = Object.entries(definitions).filter(([, d]) => !described(d)).map(([name]) => name);
  assert.equal(missing, []);
});

test.run();
