/**
 * Where one cache's encryption keys sit in the text, for `rotate-key`, which edits the text at these
 * offsets instead of re-serialising the document: every comment, blank line and quoting style of
 * the file stays as it was.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';

/** A scalar as written: its value, its exact source text (quotes included) and offsets. */
export interface ScalarSite {
  value: unknown;
  /** `PLAIN`, `QUOTE_DOUBLE`, `QUOTE_SINGLE`, or a block scalar type. */
  style: string;
  start: number;
  end: number;
  source: string;
}

export type OldKeysSite =
  /** No `old` key: a new one goes on the line after `current`. */
  | { kind: 'absent' }
  /** `old:` with no value. */
  | { kind: 'empty'; keyLineEnd: number; keyColumn: number }
  /** `old:` then `- item` lines. */
  | { kind: 'block'; keyLineEnd: number; items: ScalarSite[] }
  /** `old: [a, b]`; `start`/`end` are the offsets of the brackets. */
  | { kind: 'flow'; start: number; end: number; items: ScalarSite[] };

export interface EncryptionKeysSite {
  current: ScalarSite;
  /** Column (0-based) of the `current` key, where a new `old` key lines up. */
  currentKeyColumn: number;
  /** Offset just past the end of the line holding the current value (after its newline, if any). */
  currentLineEnd: number;
  /** `keys: { current: … }`: a new `old` goes inside the braces, not on a line of its own. */
  keysFlow: boolean;
  old: OldKeysSite;
}

/** Found, or the reason it cannot be (a sentence for the user; never a key's value). */
export type Located = { ok: true; site: EncryptionKeysSite; newline: string } | { ok: false; reason: string };

export function locateEncryptionKeys(text: string, cacheName: string): Located {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) return { ok: false, reason: 'the file is not valid YAML; run maverics-config lint on it first' };
  const root = doc.contents;
  const caches = isMap(root) ? root.get('caches', true) : undefined;
  if (!isSeq(caches)) return { ok: false, reason: 'the file declares no caches' };
  const names: string[] = [];
  const matches: YAMLMap[] = [];
  for (const item of caches.items) {
    if (!isMap(item)) continue;
    const name = item.get('name');
    if (typeof name === 'string' || typeof name === 'number') names.push(String(name));
    if (String(name) === cacheName) matches.push(item);
  }
  if (!matches.length) {
    return { ok: false, reason: `no cache named "${cacheName}"${names.length ? ` (caches: ${names.join(', ')})` : ''}` };
  }
  if (matches.length > 1) return { ok: false, reason: `${matches.length} caches are named "${cacheName}"; give each its own name first` };
  const cache = matches[0] as YAMLMap;
  const encryption = cache.get('encryption', true);
  const keys = isMap(encryption) ? encryption.get('keys', true) : undefined;
  const currentPair = isMap(keys) ? findPair(keys, 'current') : undefined;
  if (!isMap(keys) || !currentPair || !isScalar(currentPair.value) || !isScalar(currentPair.key)) {
    return { ok: false, reason: `cache "${cacheName}" has no encryption.keys.current to rotate` };
  }
  const current = scalarSite(currentPair.value as Node, text);
  if (!current || !['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(current.style) || currentPair.value.anchor || currentPair.value.tag) {
    return { ok: false, reason: `the current key of cache "${cacheName}" is not a plain or quoted scalar on one line; edit it by hand` };
  }
  const keyStart = (currentPair.key as Node).range?.[0] ?? 0;
  const old = oldSite(keys, text);
  if (typeof old === 'string') return { ok: false, reason: old.replace('{cache}', cacheName) };
  return {
    ok: true,
    newline: text.includes('\r\n') ? '\r\n' : '\n',
    site: { current, currentKeyColumn: keyStart - lineStart(text, keyStart), currentLineEnd: lineEnd(text, current.end), keysFlow: keys.flow === true, old },
  };
}

function oldSite(keys: YAMLMap, text: string): OldKeysSite | string {
  const pair = findPair(keys, 'old');
  if (!pair) return { kind: 'absent' };
  const keyNode = pair.key as Node;
  const keyStart = keyNode.range?.[0] ?? 0;
  const value = pair.value as Node | null;
  if (value === null || (isScalar(value) && value.value === null)) {
    return { kind: 'empty', keyLineEnd: lineEnd(text, keyNode.range?.[1] ?? keyStart), keyColumn: keyStart - lineStart(text, keyStart) };
  }
  if (!isSeq(value)) return 'encryption.keys.old of cache "{cache}" is not a list; edit it by hand';
  const items: ScalarSite[] = [];
  for (const item of value.items) {
    const site = isScalar(item) ? scalarSite(item, text) : undefined;
    if (!site) return 'encryption.keys.old of cache "{cache}" holds something other than keys; edit it by hand';
    items.push(site);
  }
  if (value.flow) {
    const [start, end] = value.range ?? [0, 0];
    return { kind: 'flow', start, end: text.lastIndexOf(']', end) , items };
  }
  return { kind: 'block', keyLineEnd: lineEnd(text, keyNode.range?.[1] ?? keyStart), items };
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

function scalarSite(node: Node, text: string): ScalarSite | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  const source = text.slice(start, end);
  if (source.includes('\n')) return undefined;
  return { value: node.value, style: String(node.type ?? 'PLAIN'), start, end, source };
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Just past the newline that ends the line holding `offset` (or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}
