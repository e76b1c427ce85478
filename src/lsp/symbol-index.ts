/**
 * The names one part of the file gives and others use: TLS profiles, caches, connectors and
 * clusters, with where each is declared and every slot that refers to it (the slot tables of
 * src/rules/references.ts, the same the unknown-* rules read).
 */
import type { JsonPath } from '../base/diagnostics.js';
import type { ParsedConfig } from '../parse/parse-config.js';
import { attributeTemplateReferences, REFERENCE_SLOTS, slotReferences, type ReferenceKind } from '../config/reference-slots.js';
import { entries, isObj, obj, scalarText } from '../config/accessors.js';

export interface NamedPlace {
  kind: ReferenceKind;
  name: string;
  path: JsonPath;
  /** A TLS profile is declared by its key; everything else by a `name` value. */
  target: 'key' | 'value';
  offsets: [number, number];
  /** Inside a longer string (a template): replaced as bare characters, never re-quoted. */
  inText?: boolean;
}

export const KINDS: readonly ReferenceKind[] = ['tls', 'cache', 'connector', 'cluster'];

const DECLARING_LISTS: Record<Exclude<ReferenceKind, 'tls'>, string[]> = {
  cache: ['caches'],
  connector: ['connectors'],
  cluster: ['clusters', 'orchestratorGroups'],
};

export function declarations(parsed: ParsedConfig, kind: ReferenceKind): NamedPlace[] {
  const config = obj(parsed.value);
  const places: { name: string; path: JsonPath; target: 'key' | 'value' }[] = [];
  if (kind === 'tls') {
    for (const name of Object.keys(obj(config.tls))) places.push({ name, path: ['tls', name], target: 'key' });
  } else {
    for (const list of DECLARING_LISTS[kind]) {
      for (const entry of entries(config, [], list)) {
        const name = scalarText(obj(entry.value).name);
        if (name !== undefined) places.push({ name, path: [...entry.path, 'name'], target: 'value' });
      }
    }
    if (kind === 'connector') {
      // A legacy top-level `idps` entry with more than a name declares an identity provider.
      for (const entry of entries(config, [], 'idps')) {
        const name = scalarText(obj(entry.value).name);
        if (isObj(entry.value) && name !== undefined && Object.keys(entry.value).length > 1) places.push({ name, path: [...entry.path, 'name'], target: 'value' });
      }
    }
  }
  return places.flatMap((p) => located(parsed, kind, p));
}

export function references(parsed: ParsedConfig, kind: ReferenceKind): NamedPlace[] {
  const declared = new Set(declarations(parsed, kind).map((d) => d.path.join('\0')));
  const slots = slotReferences(obj(parsed.value), kind)
    .filter((ref) => !declared.has(ref.path.join('\0')))
    .flatMap((ref) => located(parsed, kind, { name: ref.name, path: ref.path, target: 'value' }));
  return kind === 'connector' ? [...slots, ...templateNames(parsed)] : slots;
}

/**
 * The connector names inside `{{ connector.attribute }}` templates and bare claims-mapping values
 * (`email: okta.email`): only the name's own characters, found in the scalar as written.
 */
function templateNames(parsed: ParsedConfig): NamedPlace[] {
  const out: NamedPlace[] = [];
  const searchFrom = new Map<string, number>();
  for (const ref of attributeTemplateReferences(parsed.strings)) {
    const at = parsed.sourceMap.offsets(ref.path);
    if (!at || ref.template === undefined) continue;
    const key = ref.path.join('\0');
    const written = parsed.text.slice(at[0], at[1]);
    const found = written.indexOf(ref.template, searchFrom.get(key) ?? 0);
    // An escape in a quoted scalar can hide the template as written: then it is not renamed.
    if (found === -1) continue;
    searchFrom.set(key, found + ref.template.length);
    const start = at[0] + found + ref.template.indexOf(ref.name);
    out.push({ kind: 'connector', name: ref.name, path: ref.path, target: 'value', offsets: [start, start + ref.name.length], inText: true });
  }
  return out;
}

function located(parsed: ParsedConfig, kind: ReferenceKind, p: { name: string; path: JsonPath; target: 'key' | 'value' }): NamedPlace[] {
  const offsets = parsed.sourceMap.offsets(p.path, p.target);
  return offsets ? [{ kind, ...p, offsets }] : [];
}

/** The declaration or reference at `path`, if the path is one. */
export function placeAt(parsed: ParsedConfig, path: JsonPath, target: 'key' | 'value'): NamedPlace | undefined {
  const same = (p: NamedPlace) => p.target === target && p.path.length === path.length && p.path.every((seg, i) => seg === path[i]);
  for (const kind of KINDS) {
    const hit = declarations(parsed, kind).find(same) ?? references(parsed, kind).find(same);
    if (hit) return hit;
  }
  return undefined;
}

/** The kind of name a slot takes, for completion at a path that may not hold a value yet. */
export function slotKind(path: JsonPath): ReferenceKind | undefined {
  for (const kind of KINDS) {
    if (REFERENCE_SLOTS[kind].some((slot) => slot.pattern.length === path.length && slot.pattern.every((seg, i) => (seg === '*' ? typeof path[i] === 'number' : seg === path[i])))) return kind;
  }
  return undefined;
}
