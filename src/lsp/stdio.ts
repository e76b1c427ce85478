/** The server on standard input and output: the one transport editors use to start a command. */
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

export function serveOnStdio(): void {
  startServer(createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)));
}
