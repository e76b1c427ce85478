import { isCollection, isMap, isScalar, type Document, type Node } from 'yaml';

/**
 * Start offsets of every key that repeats an earlier key of the same mapping, in one pass with a
 * Set per mapping. yaml's own `uniqueKeys` check compares each new key with every earlier one, which
 * made a file of n top-level keys cost n²/2 comparisons (40,000 keys: over a minute). Equality is
 * yaml's: two scalar keys with the same value (SameValueZero, so `1` and `"1"` differ); a
 * collection key is never a duplicate.
 */
export function duplicateKeyOffsets(doc: Document): number[] {
  const out: number[] = [];
  const root = doc.contents as Node | null;
  if (!root) return out;
  // Iterative: a hostile file nests thousands of levels, which recursion would not survive.
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (!isCollection(node)) continue;
    const seen = isMap(node) ? new Set<unknown>() : undefined;
    for (const item of node.items as unknown[]) {
      if (seen === undefined) {
        if (item && typeof item === 'object') stack.push(item as Node);
        continue;
      }
      const { key, value } = item as { key: unknown; value: unknown };
      if (isScalar(key)) {
        if (seen.has(key.value) && key.range) out.push(key.range[0]);
        seen.add(key.value);
      } else if (key && typeof key === 'object') {
        stack.push(key as Node);
      }
      if (value && typeof value === 'object') stack.push(value as Node);
    }
  }
  return out.sort((a, b) => a - b);
}
