// A minimal client: starts `maverics-config lsp` for maverics.yaml files and lets
// vscode-languageclient do the rest (diagnostics, quick fixes, completion, hover, rename, outline).
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration('mavericsConfig').get('command');
  const run = { command, args, transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
  client = new LanguageClient(
    'maverics-config',
    'maverics-config',
    { run, debug: run },
    {
      documentSelector: ['maverics.yaml', 'maverics.yml', '*.maverics.yaml', '*.maverics.yml'].map((name) => ({ scheme: 'file', language: 'yaml', pattern: `**/${name}` })),
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
