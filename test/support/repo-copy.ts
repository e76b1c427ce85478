/**
 * The working tree as a fresh clone would hold it (tracked and new files, nothing ignored), copied to
 * a temp folder, so that the packaging and pre-commit tests exercise the files under test, committed
 * or not, without building or packing in the repository other test processes read at the same time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { root } from './built-cli.js';

export function copyWorkingTree(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  for (const file of listed.split('\0')) {
    // A tracked file deleted in the working tree is not part of it.
    if (!file || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(root, file), join(dir, file));
  }
  return dir;
}

/** Runs a command to completion and returns what it printed; throws with that output when it fails. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): { stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${command} could not run: ${r.error.message}`, { cause: r.error });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${String(r.status ?? r.signal)}:\n${r.stdout}${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}
