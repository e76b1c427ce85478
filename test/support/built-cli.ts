/**
 * The CLI as users run it: the built `dist/cli/main.js` that package.json's `bin` names. Rebuilt when
 * dist is older than the sources; a lock folder keeps two test processes from building at once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;

/** Path of the executable package.json declares. */
export function binPath(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return join(root, pkg.bin['maverics-config'] ?? '');
}

function newest(dir: string): number {
  let latest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, name.name);
    latest = Math.max(latest, name.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

export function ensureBuilt(): string {
  const bin = binPath();
  const lock = join(root, '.build-lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed process: a build takes seconds, so one older than two minutes is stale.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) rmdirSync(lock);
      else if (Date.now() > deadline) throw new Error('another test process has held .build-lock for two minutes');
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'schemas')), statSync(join(root, 'package.json')).mtimeMs);
    if (!existsSync(bin) || statSync(bin).mtimeMs < sources) {
      execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
    }
  } finally {
    rmdirSync(lock);
  }
  return bin;
}
