/**
 * The hook as users get it: Debian's real `pre-commit` (apt-get install pre-commit; .ci/run installs
 * it) installs this repository from a `file://` clone, the way it installs any hook repository from
 * its URL. Its node support runs `npm install` and `npm pack` in its cache and reads `npm pack`'s
 * whole stdout as the tarball's name, so this is also the test of .npmrc. Then a commit of a bad
 * config is blocked with the rule id shown, and a good one goes through.
 *
 * Without pre-commit the file fails and says so: a hook that was not installed has not been tested.
 * The npm install in pre-commit's cache uses the npm registry (and the local npm cache).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyWorkingTree, run } from '../support/repo-copy.js';

const hookRepo = copyWorkingTree('maverics-hook-repo-');
const work = mkdtempSync(join(tmpdir(), 'maverics-pre-commit-'));
const project = join(work, 'project');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  // Its own cache, so that every run installs the hook from scratch, as a new user's does.
  PRE_COMMIT_HOME: join(work, 'cache'),
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GITHUB_ACTIONS: '',
  NO_COLOR: '1',
};
test.after(() => {
  rmSync(hookRepo, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const BAD = 'version: 1\ncaches:\n  - name: sessions\n    type: redis\n    redis:\n      addresses: ["redis://redis.example.com:6379"]\n    encryption:\n      disabled: true\n    hashing:\n      keys:\n        disabled: true\n';
const GOOD = 'version: 1\ncaches:\n  - name: sessions\n    type: redis\n    redis:\n      addresses: ["127.0.0.1:6379"]\n    encryption:\n      disabled: true\n    hashing:\n      keys:\n        disabled: true\n';

function git(args: string[], cwd: string) {
  return run('git', args, cwd, env);
}

test.before(() => {
  const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  if (version.error) throw new Error('pre-commit is not installed: apt-get install -y pre-commit (.ci/run installs it); this test drives the real client');
  git(['init', '-q', '-b', 'main'], hookRepo);
  git(['add', '-A'], hookRepo);
  git(['commit', '-q', '-m', 'hook repository under test'], hookRepo);
  const rev = git(['rev-parse', 'HEAD'], hookRepo).stdout.trim();

  mkdirSync(project);
  git(['init', '-q', '-b', 'main'], project);
  writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: file://${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: maverics-config-lint\n`);
  git(['add', '.pre-commit-config.yaml'], project);
  run('pre-commit', ['install'], project, env);
  // Installs the hook environment now (npm install, npm pack, npm install -g), so that a failure
  // there shows as what it is rather than as a commit that was blocked.
  run('pre-commit', ['install-hooks'], project, env);
});

test('a bad config is blocked by the real hook, with the rule id and position shown', () => {
  writeFileSync(join(project, 'maverics.yaml'), BAD);
  git(['add', 'maverics.yaml'], project);
  const commit = spawnSync('git', ['commit', '-m', 'bad config'], { cwd: project, env, encoding: 'utf8' });
  const output = `${commit.stdout}${commit.stderr}`;
  assert.is.not(commit.status, 0, output);
  assert.match(output, /maverics-config lint\.+Failed/, output);
  assert.match(output, /6:\d+ +error +expected host:port, got a URL with scheme redis:\/\/.*redis-address/, output);
  // Nothing was committed.
  assert.is(spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: project, env }).status, 1);
});

test('a good config passes the hook and is committed', () => {
  writeFileSync(join(project, 'maverics.yaml'), GOOD);
  git(['add', 'maverics.yaml'], project);
  const commit = spawnSync('git', ['commit', '-m', 'good config'], { cwd: project, env, encoding: 'utf8' });
  const output = `${commit.stdout}${commit.stderr}`;
  assert.is(commit.status, 0, output);
  assert.match(output, /maverics-config lint\.+Passed/);
  assert.match(git(['log', '--format=%s'], project).stdout, /good config/);
});

test.run();
