/** One document's lint, kept per version so that every request on that version reuses it. */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileResult } from '../base/diagnostics.js';
import { lintParsed } from '../pipeline/lint.js';
import { finishResult } from '../pipeline/result.js';
import type { ParsedConfig } from '../parse/parse-config.js';
import { parseTree, type YamlTree } from '../parse/yaml-location.js';

export interface Analysis {
  version: number;
  parsed: ParsedConfig;
  result: FileResult;
  /** 1 when the document starts with a byte-order mark: our offsets and columns count from after it. */
  shift: number;
  /** yaml's tree with node ranges, built on first use (hover, definition, rename). */
  tree(): YamlTree;
}

export function analyse(document: TextDocument): Analysis {
  const full = document.getText();
  const shift = full.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = full.slice(shift);
  const filePath = filePathOf(document.uri);
  // A file on disk lets missing-extension-file look beside it, as the CLI does; nothing else is read.
  const { parsed, diagnostics } = lintParsed(text, filePath ? dirname(filePath) : undefined);
  let tree: YamlTree | undefined;
  return {
    version: document.version,
    parsed,
    result: finishResult(filePath ?? document.uri, parsed, diagnostics),
    shift,
    tree: () => (tree ??= parseTree(text)),
  };
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
