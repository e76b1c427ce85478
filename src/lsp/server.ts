/**
 * The language server: the offline rules as diagnostics, with quick fixes, completion, hover,
 * definition, references, rename and an outline. It reads only the documents the editor sends
 * (and, for missing-extension-file, whether a named file exists beside a file on disk); it never
 * resolves a secret, opens a connection or logs a document's text.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { readPackageVersion } from '../base/version.js';
import { analyse, type Analysis } from './analysis.js';
import { codeActions } from './code-actions.js';
import { completions } from './completion.js';
import { toLspDiagnostics } from './diagnostics.js';
import { documentSymbols } from './document-symbols.js';
import { definition, findReferences, hover, prepareRename, rename } from './navigation.js';

/**
 * Edits that come within this long of the last lint are linted together, once the edits pause
 * that long; an edit after a quiet spell is linted at once (a burst is coalesced, a single
 * keystroke is not delayed). The client may set `initializationOptions.debounceMs`.
 */
export const DEFAULT_DEBOUNCE_MS = 15;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, Analysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** When each document was last linted (performance.now()), to tell a burst from a quiet spell. */
  const lastLint = new Map<string, number>();
  let debounceMs = DEFAULT_DEBOUNCE_MS;

  /** The lint of the document's current version, computed now if a request comes before the debounce. */
  const analysisOf = (document: TextDocument): Analysis => {
    const cached = analyses.get(document.uri);
    if (cached?.version === document.version) return cached;
    const fresh = analyse(document);
    analyses.set(document.uri, fresh);
    return fresh;
  };

  const publish = (uri: string): void => {
    timers.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    const analysis = analysisOf(document);
    lastLint.set(uri, performance.now());
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: toLspDiagnostics(analysis.result, analysis.shift) });
  };

  const schedule = (uri: string): void => {
    const quiet = !timers.has(uri) && performance.now() - (lastLint.get(uri) ?? -Infinity) >= debounceMs;
    clearTimeout(timers.get(uri));
    // Even "at once" waits for the next turn: edits already read in the same chunk are linted together.
    timers.set(uri, setTimeout(() => publish(uri), quiet ? 0 : debounceMs));
  };

  connection.onInitialize((params): InitializeResult => {
    const asked = (params.initializationOptions as { debounceMs?: unknown } | undefined)?.debounceMs;
    if (typeof asked === 'number' && asked >= 0 && asked <= 10_000) debounceMs = asked;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'maverics-config', version: readPackageVersion() },
    };
  });

  // didOpen also fires onDidChangeContent: that one event schedules the first lint.
  documents.onDidChangeContent(({ document }) => schedule(document.uri));
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    analyses.delete(document.uri);
    lastLint.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  const withDocument = <T>(uri: string, empty: T, run: (document: TextDocument, analysis: Analysis) => T): T => {
    const document = documents.get(uri);
    return document ? run(document, analysisOf(document)) : empty;
  };

  connection.onCodeAction(({ textDocument, context }) => withDocument(textDocument.uri, [], (doc, a) => codeActions(doc, a, context.diagnostics)));
  connection.onCompletion(({ textDocument, position }) => withDocument(textDocument.uri, [], (doc, a) => completions(doc.getText(), position.line, position.character, a)));
  connection.onHover(({ textDocument, position }) => withDocument(textDocument.uri, null, (doc, a) => hover(doc, a, doc.offsetAt(position))));
  connection.onDefinition(({ textDocument, position }) => withDocument(textDocument.uri, [], (doc, a) => definition(doc, a, doc.offsetAt(position))));
  connection.onReferences(({ textDocument, position, context }) => withDocument(textDocument.uri, [], (doc, a) => findReferences(doc, a, doc.offsetAt(position), context.includeDeclaration)));
  connection.onPrepareRename(({ textDocument, position }) => withDocument(textDocument.uri, null, (doc, a) => prepareRename(doc, a, doc.offsetAt(position))));
  connection.onRenameRequest(({ textDocument, position, newName }) => withDocument(textDocument.uri, null, (doc, a) => rename(doc, a, doc.offsetAt(position), newName)));
  connection.onDocumentSymbol(({ textDocument }) => withDocument(textDocument.uri, [], (doc, a) => documentSymbols(doc, a)));

  documents.listen(connection);
  connection.listen();
}
