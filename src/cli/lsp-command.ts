import { UsageError } from '../base/errors.js';

/** `maverics-config lsp [--stdio]`: a language server on standard input and output (the only transport). */
export async function lspCommand(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--stdio');
  if (unknown.length) throw new UsageError(`lsp takes only --stdio (the server always speaks on standard input and output), got ${unknown.join(' ')}`);
  // Loaded here only: lint and the library never pay for the protocol packages.
  const { serveOnStdio } = await import('../lsp/stdio.js');
  serveOnStdio();
  // The connection ends the process on `exit` (or when the editor closes its input); until then the command does not return.
  return new Promise<number>(() => undefined);
}
