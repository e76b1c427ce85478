/** The closest candidate to `name`, when one is close enough to be the likely intent. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  // One edit for short names, about a third of the length for long ones: `adresses` and
  // `sessions` are caught, `name` is not "corrected" to `type`.
  const allowed = Math.max(1, Math.floor(name.length / 3));
  return best !== undefined && bestDistance <= Math.min(allowed, 3) ? best : undefined;
}

/**
 * The candidate to put in place of `name` automatically: the did-you-mean, but only when no other
 * candidate is as close (two equally close names are a guess, not a fix).
 */
export function onlyCloseMatch(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const best = didYouMean(name, list);
  if (best === undefined) return undefined;
  const lower = name.toLowerCase();
  if (best.toLowerCase() === lower) return list.filter((c) => c.toLowerCase() === lower && c !== name).length === 1 ? best : undefined;
  const distance = editDistance(lower, best.toLowerCase());
  const ties = list.filter((c) => c !== name && editDistance(lower, c.toLowerCase()) <= distance);
  return ties.length === 1 ? best : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.abs(a.length - b.length);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
