/**
 * The integrations run as their hosts run them: the pre-commit hook's entry with file names as
 * arguments, the composite action's shell steps with the runner's environment, and the GitLab job's
 * script lines from docs/ci.md. All drive the built executable that package.json's `bin` names.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { lintText } from '../../src/pipeline/lint.js';
import { ensureBuilt, root } from '../support/built-cli.js';
import { sarifProblems } from '../support/sarif-validator.js';

const workspace = join(root, 'test/fixtures/ci');
let bin = '';

test.before(() => {
  bin = ensureBuilt();
});

function allFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full, base) : [relative(base, full)];
  });
}

function copyWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maverics-ci-'));
  cpSync(workspace, dir, { recursive: true });
  return dir;
}

// ---------------------------------------------------------------- pre-commit

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
}

const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'maverics-config-lint') as Hook;

/** The framework: the `files` regex (Python re.search) picks the staged files, the entry gets them as arguments. */
function runHook(files: string[]) {
  const matching = files.filter((f) => new RegExp(hook.files).test(f));
  const [command, ...args] = hook.entry.split(/\s+/);
  assert.is(command, 'maverics-config', 'the entry runs the package executable');
  const r = spawnSync(process.execPath, [bin, ...args, ...matching], { cwd: workspace, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  return { ...r, matching };
}

test('pre-commit: the hook is declared as the framework needs it', () => {
  assert.ok(hook, 'a hook with id maverics-config-lint');
  assert.is(hook.language, 'node');
  assert.is(hook.entry, 'maverics-config lint');
  assert.is(hook.pass_filenames, true);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.ok(pkg.bin['maverics-config'], 'language: node installs the package, whose bin provides the entry');
});

test('pre-commit: `files` matches maverics.y(a)ml and *.maverics.y(a)ml at any depth, nothing else', () => {
  const re = new RegExp(hook.files);
  for (const yes of ['maverics.yaml', 'maverics.yml', 'deploy/prod/maverics.yaml', 'app.maverics.yml', 'a/b/team.maverics.yaml']) assert.ok(re.test(yes), yes);
  for (const no of ['maverics.yaml.bak', 'notmaverics.yaml', 'maverics.json', 'values.yaml', 'dir/maverics-yaml', 'maverics.yaml/x.txt']) assert.not.ok(re.test(no), no);
});

test('pre-commit: staged files with an error block the commit (exit 1), naming the file', () => {
  const r = runHook(allFiles(workspace));
  assert.equal(r.matching.sort(), ['maverics.yaml', 'team/app.maverics.yml', 'warn/maverics.yaml']);
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stdout, /team\/app\.maverics\.yml/);
  assert.match(r.stdout, /redis-address/);
  assert.not.match(r.stdout, /values\.yaml|\.bak/, 'files the pattern does not match are not linted');
});

test('pre-commit: clean and warning-only files pass (exit 0)', () => {
  const r = runHook(['maverics.yaml', 'warn/maverics.yaml', 'notes/values.yaml']);
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /unknown-key/);
});

// ---------------------------------------------------------------- GitHub composite action

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;
const step = (id: string) => action.runs.steps.find((s) => s.id === id) as Step;

test('action: a composite action with the documented inputs, Node set-up, SARIF upload', () => {
  assert.is(action.runs.using, 'composite');
  assert.equal(Object.keys(action.inputs).sort(), ['files', 'format', 'max-warnings', 'node-version', 'sarif-file', 'upload-sarif']);
  for (const [name, input] of Object.entries(action.inputs)) assert.ok(input.description, `${name} has a description`);
  const uses = action.runs.steps.map((s) => s.uses).filter(Boolean);
  assert.ok(uses.some((u) => u?.startsWith('actions/setup-node@')));
  assert.ok(uses.some((u) => u?.startsWith('github/codeql-action/upload-sarif@')));
  for (const s of action.runs.steps) {
    if (s.run) assert.is(s.shell, 'bash', 'composite run steps must name their shell');
    // Inputs go through env, never into the script text, where a crafted value could inject code.
    if (s.run) assert.not.match(s.run, /\$\{\{/, `step ${s.id} pastes an expression into its script`);
  }
  assert.match(step('lint').run ?? '', /npx --prefix "\$GITHUB_ACTION_PATH" --no-install maverics-config/);
});

/** Runs one `run:` step as the runner would: bash, the step's env with `${{ inputs.x }}` filled in, the runner's files. */
function runStep(id: string, cwd: string, runnerTemp: string, inputs: Record<string, string>) {
  const s = step(id);
  const value = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? '';
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.env ?? {})) env[k] = v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => value(name));
  const output = join(runnerTemp, `output-${id}`);
  writeFileSync(output, '');
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run ?? ''], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: root, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: output },
  });
  return { ...r, outputs: Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => l.split('=', 2) as [string, string])) };
}

function withWorkspace(fn: (dir: string, temp: string) => void) {
  const dir = copyWorkspace();
  const temp = mkdtempSync(join(tmpdir(), 'runner-temp-'));
  try {
    fn(dir, temp);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
  }
}

test('action: default globs find the configs, SARIF is written and validates, errors fail the lint step', () => {
  withWorkspace((dir, temp) => {
    const files = runStep('files', dir, temp, {});
    assert.is(files.status, 0, files.stderr);
    assert.is(files.outputs.count, '3');
    const sarif = runStep('sarif', dir, temp, { 'upload-sarif': 'true' });
    assert.is(sarif.status, 0, sarif.stderr);
    assert.is(sarif.outputs['sarif-file'], 'maverics-config.sarif');
    const log = JSON.parse(readFileSync(join(dir, 'maverics-config.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    assert.equal(sarifProblems(log), []);
    assert.ok((log.runs[0]?.results.length ?? 0) >= 2);
    const lint = runStep('lint', dir, temp, {});
    assert.is(lint.status, 1, lint.stderr);
    assert.match(lint.stdout, /^::error file=team\/app\.maverics\.yml,line=11,col=11,.*title=redis-address::/m);
    assert.match(lint.stdout, /^::warning file=warn\/maverics\.yaml,/m);
  });
});

test('action: explicit files without errors pass; max-warnings turns warnings into a failure', () => {
  withWorkspace((dir, temp) => {
    assert.is(runStep('files', dir, temp, { files: 'maverics.yaml\nwarn/maverics.yaml' }).outputs.count, '2');
    const pass = runStep('lint', dir, temp, {});
    assert.is(pass.status, 0, pass.stdout + pass.stderr);
    const strict = runStep('lint', dir, temp, { 'max-warnings': '0' });
    assert.is(strict.status, 1);
    assert.match(strict.stderr, /more than --max-warnings 0/);
  });
});

test('action: no matching file is a notice, not a failure; a missing named file is exit 2', () => {
  withWorkspace((dir, temp) => {
    const none = runStep('files', dir, temp, { files: 'nowhere/**/maverics.yaml' });
    assert.is(none.status, 0);
    assert.is(none.outputs.count, '0');
    assert.match(none.stdout, /::notice title=maverics-config::no file matched/);
    assert.is(runStep('files', dir, temp, { files: 'missing.yaml' }).outputs.count, '1');
    const missing = runStep('lint', dir, temp, {});
    assert.is(missing.status, 2);
    assert.match(missing.stderr, /cannot read missing\.yaml/);
  });
});

test('on a GitHub runner (GITHUB_ACTIONS=true) github annotations are the default format', () => {
  const r = spawnSync(process.execPath, [bin, 'lint', 'team/app.maverics.yml'], { cwd: workspace, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true' } });
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stdout, /^::error file=/);
  const plain = spawnSync(process.execPath, [bin, 'lint', 'team/app.maverics.yml'], { cwd: workspace, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  assert.not.match(plain.stdout, /^::error/);
});

// ---------------------------------------------------------------- docs/ci.md

const ciDoc = readFileSync(join(root, 'docs/ci.md'), 'utf8');
const yamlBlocks = [...ciDoc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

test('docs/ci.md: every YAML snippet parses, and the action is used only with inputs it has', () => {
  assert.ok(yamlBlocks.length >= 4);
  for (const block of yamlBlocks) parse(block);
  const uses = yamlBlocks.flatMap((b) => [...b.matchAll(/uses: maverics-config\/maverics-config@\S+\n\s+with:\n((?:\s{10,}.*\n)+)/g)].map((m) => m[1] ?? ''));
  assert.is(uses.length, 1);
  for (const key of [...(uses[0] ?? '').matchAll(/^\s+([\w-]+):/gm)].map((m) => m[1] ?? '')) assert.ok(action.inputs[key], `input ${key} exists`);
});

test('docs/ci.md: the suppression example lints clean, with its two findings suppressed', () => {
  const block = yamlBlocks.find((b) => b.startsWith('# maverics-config-disable-file')) ?? '';
  const result = lintText(block);
  assert.is(result.errorCount + result.warningCount, 0, JSON.stringify(result.diagnostics));
  assert.equal(result.diagnostics.filter((d) => d.suppression).map((d) => d.ruleId), ['legacy-key', 'redis-without-tls']);
});

test('docs/ci.md: the GitLab job script, run in a git checkout, writes both reports and fails on errors', () => {
  const job = (parse(yamlBlocks.find((b) => b.includes('codequality:')) ?? '') as Record<string, { script: string[]; artifacts: { reports: Record<string, string> } }>)['maverics-config'];
  assert.ok(job);
  withWorkspace((dir) => {
    spawnSync('git', ['init', '-q'], { cwd: dir });
    spawnSync('git', ['add', '.'], { cwd: dir });
    // npx would fetch the published package; here the built one stands in for it.
    const script = job.script.map((line) => line.replace(/npx --yes maverics-config@\S+/g, `node ${JSON.stringify(bin)}`)).join('\n');
    const r = spawnSync('sh', ['-e', '-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
    assert.is(r.status, 1, r.stderr);
    const { codequality, junit } = job.artifacts.reports;
    assert.ok(codequality && existsSync(join(dir, codequality)) && junit && existsSync(join(dir, junit)));
    const issues = JSON.parse(readFileSync(join(dir, codequality), 'utf8')) as { location: { path: string }; severity: string }[];
    assert.equal([...new Set(issues.map((i) => `${i.location.path} ${i.severity}`))].sort(), ['team/app.maverics.yml major', 'warn/maverics.yaml minor']);
    assert.match(readFileSync(join(dir, junit), 'utf8'), /<testsuite name="team\/app\.maverics\.yml" tests="1" failures="1"/);
  });
});

test.run();
