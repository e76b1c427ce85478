/** Completion: the schema's keys at the cursor's mapping, enum values, and declared names at a reference slot. */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { JsonPath } from '../base/diagnostics.js';
import { declaredTargets } from '../config/reference-slots.js';
import { obj } from '../config/accessors.js';
import type { Analysis } from './analysis.js';
import { enumValues, keysAt } from './schema-lookup.js';
import { slotKind } from './symbol-index.js';
import { cursorPlace } from '../parse/yaml-location.js';

const KIND_WORDS = { tls: 'TLS profile', cache: 'cache', connector: 'connector', cluster: 'cluster' } as const;

export function completions(text: string, line: number, character: number, analysis: Analysis): CompletionItem[] {
  const place = cursorPlace(text, line, character);
  const root = analysis.parsed.value;
  if (place.key !== undefined) return valueItems([...place.parent, place.key], root);
  if (place.item) return [...valueItems(place.parent, root), ...keyItems(place.parent, root)];
  return keyItems(place.parent, root);
}

function keyItems(path: JsonPath, root: unknown): CompletionItem[] {
  const present = obj(valueAt(root, path));
  return keysAt(path, root)
    // Legacy keys are accepted but never suggested (the schema's descriptions mark them).
    .filter(({ key, description }) => !(key in present) && !description?.startsWith('Legacy'))
    .map(({ key, description }) => ({
      label: key,
      kind: CompletionItemKind.Property,
      insertText: `${key}: `,
      ...(description ? { documentation: { kind: MarkupKind.Markdown, value: description } } : {}),
    }));
}

function valueItems(path: JsonPath, root: unknown): CompletionItem[] {
  const kind = slotKind(path);
  if (kind) {
    const names = [...declaredTargets(obj(root), kind), ...(kind === 'cache' ? ['local_default'] : [])];
    return names.map((name) => ({ label: name, kind: CompletionItemKind.Reference, detail: name === 'local_default' ? 'the built-in in-memory cache' : `declared ${KIND_WORDS[kind]}` }));
  }
  return enumValues(path, root).map((value) => ({ label: value, kind: CompletionItemKind.EnumMember }));
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const seg of path) node = Array.isArray(node) ? node[seg as number] : obj(node)[seg as string];
  return node;
}
