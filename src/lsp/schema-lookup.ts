/** What the schema says about a place in the file: its keys, their descriptions, its allowed values. */
import type { JsonPath } from '../base/diagnostics.js';
import { schemaForInstance, schemaJson } from '../schema/validate.js';

interface SchemaPart {
  description?: string;
  properties?: Record<string, SchemaPart>;
  enum?: unknown[];
  anyOf?: SchemaPart[];
  oneOf?: SchemaPart[];
  allOf?: SchemaPart[];
  $ref?: string;
}

function resolve(node: SchemaPart | undefined): SchemaPart | undefined {
  let at = node;
  // `#/definitions/x` only: the schema is our own and uses no other kind of reference.
  for (let hops = 0; at?.$ref && hops < 10; hops++) {
    const name = at.$ref.replace(/^#\/definitions\//, '');
    at = (schemaJson() as { definitions?: Record<string, SchemaPart> }).definitions?.[name];
  }
  return at;
}

/** The object schema at `path` (the connector's own variant when its `type` is known). */
export function schemaAt(path: JsonPath, root: unknown): SchemaPart | undefined {
  return resolve(schemaForInstance(path, root) as SchemaPart | undefined);
}

export interface KeyInfo {
  key: string;
  description?: string;
}

/** The keys the schema documents for the object at `path`. */
export function keysAt(path: JsonPath, root: unknown): KeyInfo[] {
  const node = schemaAt(path, root);
  return Object.entries(node?.properties ?? {}).map(([key, value]) => ({ key, ...descriptionOf(value) }));
}

/** A key's description: on the property itself, or on what it refers to. */
export function keyDescription(path: JsonPath, root: unknown): string | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const property = schemaAt(path.slice(0, -1), root)?.properties?.[key];
  return descriptionOf(property).description;
}

function descriptionOf(node: SchemaPart | undefined): { description?: string } {
  const description = node?.description ?? resolve(node)?.description;
  return description === undefined ? {} : { description };
}

/** Every value an enum at `path` allows, looking through `anyOf` (the deferred-value alternative). */
export function enumValues(path: JsonPath, root: unknown): string[] {
  const out = new Set<string>();
  const visit = (node: SchemaPart | undefined, depth: number): void => {
    const at = resolve(node);
    if (!at || depth > 5) return;
    for (const v of at.enum ?? []) out.add(String(v));
    for (const branch of [...(at.anyOf ?? []), ...(at.oneOf ?? []), ...(at.allOf ?? [])]) visit(branch, depth + 1);
  };
  const key = path[path.length - 1];
  const parent = schemaAt(path.slice(0, -1), root);
  visit(typeof key === 'string' ? parent?.properties?.[key] : schemaAt(path, root), 0);
  return [...out];
}
