import { UsageError } from '../errors.js';

/** `maverics-config lsp [--stdio]`: a language server on standard input and output (the only transport). */
export async function lspCommand(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--stdio');
  if (unknown.length) throw new UsageError(`lsp takes only --stdio (the server always speaks on standard input and output), got ${unknown.join(' ')}`);
  // Loaded here only: lint and the library never pay for the protocol packages.
  const { createConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver/node.js');
  const { startServer } = await import('../lsp/server.js');
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  startServer(connection);
  // The connection exits the process on `exit`; until then the command does not return.
  return new Promise<number>(() => undefined);
}
