/** Hover, go to definition, find references and rename for TLS profiles, caches, connectors and clusters. */
import { MarkupKind, type Hover, type Location, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatPath } from '../base/diagnostics.js';
import { scalarText } from '../parse/scalar-fix.js';
import type { Analysis } from './analysis.js';
import { keyDescription } from './schema-lookup.js';
import { declarations, placeAt, references, type NamedPlace } from './symbol-index.js';
import { nodeAtOffset } from '../parse/yaml-location.js';

const KIND_WORDS = { tls: 'TLS profile', cache: 'cache', connector: 'connector', cluster: 'cluster' } as const;

/** The declaration or reference under the cursor. */
function placeUnder(analysis: Analysis, offset: number): NamedPlace | undefined {
  const at = nodeAtOffset(analysis.tree(), offset - analysis.shift);
  return at ? placeAt(analysis.parsed, at.path, at.target) : undefined;
}

export function hover(document: TextDocument, analysis: Analysis, offset: number): Hover | null {
  const at = nodeAtOffset(analysis.tree(), offset - analysis.shift);
  if (!at) return null;
  const range = rangeOf(document, analysis, at.range);
  const place = placeAt(analysis.parsed, at.path, at.target);
  if (place && !isDeclaration(analysis, place)) {
    const target = declarations(analysis.parsed, place.kind).find((d) => d.name === place.name);
    const where = target ? `declared at line ${document.positionAt(target.offsets[0] + analysis.shift).line + 1} (\`${formatPath(target.path)}\`)` : place.kind === 'cache' && place.name === 'local_default' ? 'the built-in in-memory cache' : 'not declared in this file';
    return { contents: { kind: MarkupKind.Markdown, value: `${KIND_WORDS[place.kind]} \`${place.name}\`: ${where}` }, range };
  }
  const description = keyDescription(at.path, analysis.parsed.value);
  if (!description) return null;
  return { contents: { kind: MarkupKind.Markdown, value: `**${formatPath(at.path)}**\n\n${description}` }, range };
}

export function definition(document: TextDocument, analysis: Analysis, offset: number): Location[] {
  const place = placeUnder(analysis, offset);
  if (!place) return [];
  return declarations(analysis.parsed, place.kind)
    .filter((d) => d.name === place.name)
    .map((d) => ({ uri: document.uri, range: rangeOf(document, analysis, d.offsets) }));
}

export function findReferences(document: TextDocument, analysis: Analysis, offset: number, includeDeclaration: boolean): Location[] {
  const place = placeUnder(analysis, offset);
  if (!place) return [];
  return occurrences(analysis, place, includeDeclaration).map((p) => ({ uri: document.uri, range: rangeOf(document, analysis, p.offsets) }));
}

export function prepareRename(document: TextDocument, analysis: Analysis, offset: number): { range: Range; placeholder: string } | null {
  const place = placeUnder(analysis, offset);
  return place ? { range: rangeOf(document, analysis, place.offsets), placeholder: place.name } : null;
}

/** Edits the declaration and every use; each edit replaces one scalar in its own quoting style, so comments stay. */
export function rename(document: TextDocument, analysis: Analysis, offset: number, newName: string): WorkspaceEdit | null {
  const place = placeUnder(analysis, offset);
  if (!place || !newName || /[\n\r]/.test(newName)) return null;
  // A connector's name is also the prefix of `{{ name.attribute }}`: there it must stay a bare word.
  if (place.kind === 'connector' && !/^[A-Za-z0-9_-]+$/.test(newName)) return null;
  const edits: TextEdit[] = occurrences(analysis, place, true).map((p) => ({
    range: rangeOf(document, analysis, p.offsets),
    newText: p.inText ? newName : scalarText(analysis.parsed.text.slice(p.offsets[0], p.offsets[1]), newName),
  }));
  return { changes: { [document.uri]: edits } };
}

function occurrences(analysis: Analysis, place: NamedPlace, includeDeclaration: boolean): NamedPlace[] {
  const same = (p: NamedPlace) => p.name === place.name;
  return [...(includeDeclaration ? declarations(analysis.parsed, place.kind).filter(same) : []), ...references(analysis.parsed, place.kind).filter(same)];
}

function isDeclaration(analysis: Analysis, place: NamedPlace): boolean {
  return declarations(analysis.parsed, place.kind).some((d) => d.offsets[0] === place.offsets[0]);
}

export function rangeOf(document: TextDocument, analysis: Analysis, [start, end]: readonly [number, number]): Range {
  return { start: document.positionAt(start + analysis.shift), end: document.positionAt(end + analysis.shift) };
}
