/** `--fix-dry-run`'s output: a unified diff (`diff -u`, three lines of context) that `patch -p1` applies. */

const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string };

export function unifiedDiff(before: string, after: string, name: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  let out = `--- a/${name}\n+++ b/${name}\n`;
  for (const hunk of hunks(ops)) out += hunk;
  return out;
}

/** Lines with their endings, so a missing final newline is reported as diff does. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Myers' O(ND) difference algorithm (1986), with the trace kept to walk back: fixes change a few
 * lines of a long file, so D is small and this stays linear in practice.
 */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Array<number>(2 * max + 3).fill(0);
  const trace: number[][] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push([...v]);
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (d === 0) break;
    if (down) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  return ops.reverse();
}

function hunks(ops: readonly Op[]): string[] {
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  const out: string[] = [];
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i]! - CONTEXT);
    let end = changed[i]! + 1;
    // Changes closer than two contexts apart share a hunk, as diff -u does.
    while (i < changed.length && changed[i]! <= end + 2 * CONTEXT) end = changed[i++]! + 1;
    end = Math.min(ops.length, end + CONTEXT);
    out.push(hunk(ops, start, end));
  }
  return out;
}

function hunk(ops: readonly Op[], start: number, end: number): string {
  let aStart = 1;
  let bStart = 1;
  for (let i = 0; i < start; i++) {
    if (ops[i]!.kind !== '+') aStart++;
    if (ops[i]!.kind !== '-') bStart++;
  }
  const slice = ops.slice(start, end);
  const aLen = slice.filter((op) => op.kind !== '+').length;
  const bLen = slice.filter((op) => op.kind !== '-').length;
  let body = `@@ -${range(aStart, aLen)} +${range(bStart, bLen)} @@\n`;
  for (const op of slice) {
    body += op.kind + op.line;
    if (!op.line.endsWith('\n')) body += '\n\\ No newline at end of file\n';
  }
  return body;
}

/** diff's convention: an empty range names the line before it. */
function range(start: number, length: number): string {
  if (length === 0) return `${start - 1},0`;
  return length === 1 ? `${start}` : `${start},${length}`;
}
