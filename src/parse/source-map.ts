import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LineIndex } from './line-index.js';
import type { JsonPath } from '../base/diagnostics.js';

/** A 1-based range in the source; the end is exclusive (the column just after the last character). */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type RangeTarget = 'key' | 'value';

interface Located {
  node: Node | null;
  pair: Pair | null;
  /** How many path segments were found; less than the path's length when it leads nowhere. */
  depth: number;
}

/**
 * Turns JSON paths into source ranges. Rules speak in paths; only this class knows about lines.
 * It walks the YAML tree along the path on demand, and indexes a mapping's keys the first time a
 * path goes through it: scanning the keys on every lookup made a file with n keys and n diagnostics
 * cost n² (20,000 unknown top-level keys: seconds).
 */
export class SourceMap {
  readonly #doc: Document;
  readonly #lines: LineIndex;
  readonly #text: string;
  readonly #keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(doc: Document, lines: LineIndex, text: string) {
    this.#doc = doc;
    this.#lines = lines;
    this.#text = text;
  }

  /**
   * The range of the key or the value at `path`. For something missing, the nearest existing
   * parent's key (the contract: a missing key is reported at its parent's key).
   */
  range(path: JsonPath, target: RangeTarget = 'value'): Range {
    const found = this.#locate(path);
    if (found.depth < path.length) return this.#parentRange(path, found.depth);
    if (target === 'key' && found.pair && isNode(found.pair.key)) return this.#nodeRange(found.pair.key);
    if (found.node) return this.#nodeRange(found.node);
    if (found.pair && isNode(found.pair.key)) return this.#nodeRange(found.pair.key);
    return this.#offsetRange(0, 0);
  }

  /** Whether the path leads to a node that exists in the file. */
  has(path: JsonPath): boolean {
    return this.#locate(path).depth === path.length;
  }

  /**
   * The scalar exactly as written in the file, without quotes: `1.0` stays `1.0` although YAML
   * reads the number 1. Undefined when the path is not a scalar.
   */
  scalarSource(path: JsonPath): string | undefined {
    const { node, depth } = this.#locate(path);
    if (depth < path.length || !node || !isScalar(node) || !node.range) return undefined;
    if (node.type === 'PLAIN') return this.#text.slice(node.range[0], node.range[1]);
    return typeof node.value === 'string' ? node.value : String(node.value);
  }

  /** Start and end offsets of the value (or key) at `path` in the text, or undefined. */
  offsets(path: JsonPath, target: RangeTarget = 'value'): [number, number] | undefined {
    const { node: value, pair, depth } = this.#locate(path);
    const node = target === 'key' ? (pair && isNode(pair.key) ? pair.key : null) : value;
    if (depth < path.length || !node?.range) return undefined;
    return [node.range[0], node.range[1]];
  }

  /** The value's text exactly as written, quotes and all; undefined when the path leads nowhere. */
  sourceText(path: JsonPath): string | undefined {
    const { node, depth } = this.#locate(path);
    if (depth < path.length || !node?.range) return undefined;
    return this.#text.slice(node.range[0], node.range[1]);
  }

  /**
   * Whether the value at `path` is an unfilled template placeholder such as
   * `{ ABSOLUTE PATH TO CERT FILE }`: a flow mapping whose entries are all keys without values.
   */
  isPlaceholder(path: JsonPath): boolean {
    const { node, depth } = this.#locate(path);
    return depth === path.length && isPlaceholderNode(node);
  }

  /** The range that covers `[start, end)` offsets; used for problems found in the raw text. */
  offsetRange(start: number, end: number): Range {
    return this.#offsetRange(start, end);
  }

  #locate(path: JsonPath): Located {
    let node: Node | null = resolveAlias(this.#doc.contents as Node | null, this.#doc);
    let pair: Pair | null = null;
    let depth = 0;
    for (const seg of path) {
      if (isMap(node)) {
        const hit = this.#pairs(node).get(String(seg));
        if (!hit) break;
        pair = hit;
        node = resolveAlias(isNode(hit.value) ? hit.value : null, this.#doc);
      } else if (isSeq(node)) {
        const index = typeof seg === 'number' ? seg : Number(seg);
        const item = Number.isInteger(index) ? node.items[index] : undefined;
        if (item === undefined) break;
        pair = null;
        node = resolveAlias(isNode(item) ? item : null, this.#doc);
      } else {
        break;
      }
      depth++;
    }
    return { node, pair, depth };
  }

  /** The mapping's pairs by key as JavaScript sees it; the last matching key wins, as it does in toJS. */
  #pairs(map: YAMLMap): Map<string, Pair> {
    let index = this.#keyIndex.get(map);
    if (index === undefined) {
      index = new Map();
      for (const item of map.items) index.set(isScalar(item.key) ? String(item.key.value) : String(item.key), item);
      this.#keyIndex.set(map, index);
    }
    return index;
  }

  #parentRange(path: JsonPath, depth: number): Range {
    const parent = this.#locate(path.slice(0, depth));
    if (parent.pair && isNode(parent.pair.key)) return this.#nodeRange(parent.pair.key);
    if (parent.node) return this.#nodeRange(parent.node);
    return this.#offsetRange(0, 0);
  }

  /** A collection is reported on its first line only, so a code frame stays one line. */
  #nodeRange(node: Node): Range {
    const range = node.range;
    if (!range) return this.#offsetRange(0, 0);
    const start = range[0];
    let end = range[1];
    if (isMap(node) || isSeq(node)) {
      const newline = this.#text.indexOf('\n', start);
      if (newline !== -1 && newline < end) end = newline;
    }
    while (end > start && /\s/.test(this.#text[end - 1] ?? '')) end--;
    return this.#offsetRange(start, end);
  }

  #offsetRange(start: number, end: number): Range {
    const max = this.#text.length;
    const a = this.#lines.linePos(Math.min(Math.max(0, start), max));
    const b = this.#lines.linePos(Math.min(Math.max(start, end), max));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !isPair(value);
}

function resolveAlias(node: Node | null, doc: Document): Node | null {
  if (!node || !isAlias(node)) return node;
  try {
    return (node.resolve(doc) as Node | undefined) ?? null;
  } catch {
    return null;
  }
}

export function isPlaceholderNode(node: unknown): boolean {
  return (
    isMap(node) &&
    node.flow === true &&
    node.items.length > 0 &&
    node.items.every((pair) => isScalar(pair.key) && (pair.value === null || (isScalar(pair.value) && pair.value.value === null && pair.value.source === '')))
  );
}
