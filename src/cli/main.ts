#!/usr/bin/env -S node --
// `node --`: Node 20 reads a `--env-file` that follows the script as its own option (and exits 9
// when the file is missing); `--` ends Node's options so `check --env-file` reaches us.
/**
 * The `maverics-config` executable: picks a command and maps outcomes to exit codes
 * (0 clean, 1 problems found, 2 the tool could not do its job). Commands load lazily, so that
 * `lint` never pays for what `check` or `keygen` import.
 */
import module from 'node:module';
import { MavericsConfigError, UsageError } from '../base/errors.js';
import { readPackageVersion } from '../base/version.js';

const HELP = `Usage: maverics-config <command> [options]

Commands:
  lint [options] <file|->...   offline checks: syntax, schema, rules, secret-reference syntax
  check [options] <file>       lint + resolve every secret reference and {{ env.X }} through the
                               provider, then validate resolved values (never printed)
  compile [--env-file f] [--out f] <file>
                               the normalised config as JSON: {{ env.X }} substituted,
                               secret references kept as references, never values
  keygen                       a fresh 64-hex-character key (32 random bytes) on stdout
  rules [<rule-id>]            the rule catalogue, or one rule's documentation
  rotate-key <file> --cache <name> --new <ref> [--drop-old <n>] [--stdout]
                               move the current encryption key to the front of old, set <ref>
  lsp [--stdio]                a language server on stdio: the offline rules as you type,
                               quick fixes, completion, hover, definition, rename, outline

Options of check:
  --secret-provider <url>      as MAVERICS_SECRET_PROVIDER (which is the default)
  --secret-provider <name>=<url>
                               a named provider: <name.rest> routes to it (repeatable)
  --env-file <file>            variables for {{ env.NAME }}, instead of the process's own
  --connect                    also connect to every Redis cache and report what fails

Options of lint and check:
  --format <name>              stylish (default; github when GITHUB_ACTIONS=true), json,
                               json-with-metadata, sarif, github, junit or gitlab
  --sarif-include-suppressed   keep suppressed findings in SARIF (left out by default:
                               GitHub code scanning ignores SARIF suppressions)
  --output <file>              write the report to a file instead of stdout
  --max-warnings <n>           exit 1 when there are more than n warnings
  --quiet                      report errors only
  --stdin-filename <name>      the name standard input is reported under (with -)

Options of lint:
  --fix                        apply the safe fixes in place (comments and layout kept), then
                               report what is left
  --fix-dry-run                print the fixes as a unified diff instead; write nothing

  -h, --help                   this help
  -v, --version                the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 the tool could not do its job.
`;

// Node 22 and later keep V8's compiled code between runs (the command modules below load after
// this line); Node 20 has no such cache and skips it.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

type Command = (args: string[]) => Promise<number>;

// A Map: a plain object would answer `maverics-config toString` with Object.prototype's method.
const commands = new Map<string, () => Promise<Command>>(Object.entries({
  lint: async () => (await import('./lint-command.js')).lintCommand,
  check: async () => (await import('./check-command.js')).checkCommand,
  keygen: async () => (await import('./keygen-command.js')).keygenCommand,
  'rotate-key': async () => (await import('./rotate-key-command.js')).rotateKeyCommand,
  rules: async () => (await import('./rules-command.js')).rulesCommand,
  compile: async () => (await import('./compile-command.js')).compileCommand,
  lsp: async () => (await import('./lsp-command.js')).lspCommand,
}));

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${readPackageVersion()}\n`);
    return 0;
  }
  const load = commands.get(name);
  if (!load) throw new UsageError(`unknown command "${name}"; run maverics-config --help for the list`);
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(HELP);
    return 0;
  }
  return (await load())(rest);
}

function failure(error: unknown): number {
  if (error instanceof MavericsConfigError) {
    process.stderr.write(`maverics-config: ${error.message}\n`);
  } else {
    // An internal failure: say so in one line; the stack only on request, never by default.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`maverics-config: internal error: ${message}\n`);
    if (process.env.MAVERICS_CONFIG_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }
  return 2;
}

// `maverics-config rules | head` closes the pipe early: that is not a failure. Any other failed
// write (`> /dev/full`: ENOSPC) means the report was lost: the tool could not do its job (exit 2),
// said in one line rather than with a stack trace and the exit code of a finding.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`maverics-config: cannot write to standard output: ${error.code ?? error.message}\n`);
  process.exit(2);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = failure(error);
  },
);
