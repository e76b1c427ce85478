/** The outline: TLS profiles, caches, connectors and apps, each under its section. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { entries, obj, scalarText } from '../config/accessors.js';
import type { Analysis } from './analysis.js';
import { rangeOf } from './navigation.js';

const SECTIONS = [
  { key: 'tls', kind: SymbolKind.Key },
  { key: 'caches', kind: SymbolKind.Object },
  { key: 'connectors', kind: SymbolKind.Interface },
  { key: 'apps', kind: SymbolKind.Module },
] as const;

export function documentSymbols(document: TextDocument, analysis: Analysis): DocumentSymbol[] {
  const config = obj(analysis.parsed.value);
  const map = analysis.parsed.sourceMap;
  const out: DocumentSymbol[] = [];
  for (const { key, kind } of SECTIONS) {
    const sectionKey = map.offsets([key], 'key');
    const sectionValue = map.offsets([key]);
    if (!sectionKey || !sectionValue) continue;
    const children: DocumentSymbol[] = [];
    const items = key === 'tls'
      ? Object.keys(obj(config.tls)).map((name) => ({ name, detail: undefined as string | undefined, whole: [key, name], selection: map.offsets([key, name], 'key') }))
      : entries(config, [], key).map((e) => ({ name: scalarText(obj(e.value).name) ?? `[${String(e.path[1])}]`, detail: scalarText(obj(e.value).type), whole: e.path, selection: map.offsets([...e.path, 'name']) }));
    for (const item of items) {
      const whole = map.offsets(item.whole);
      const selection = item.selection ?? whole;
      if (!whole || !selection) continue;
      const start = Math.min(whole[0], selection[0]);
      children.push({ name: item.name, ...(item.detail ? { detail: item.detail } : {}), kind, range: rangeOf(document, analysis, [start, whole[1]]), selectionRange: rangeOf(document, analysis, selection) });
    }
    out.push({ name: key, kind: SymbolKind.Namespace, range: rangeOf(document, analysis, [sectionKey[0], sectionValue[1]]), selectionRange: rangeOf(document, analysis, sectionKey), children });
  }
  return out;
}
