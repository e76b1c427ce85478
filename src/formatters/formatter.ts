import type { FileResult } from '../diagnostics.js';

export interface FormatOptions {
  /** Paths in human output are shown relative to this; machine formats say which they use. */
  cwd: string;
  /** ANSI colours; the CLI turns them on only for a terminal without NO_COLOR. */
  color: boolean;
}

/** Formatters are pure: the same results give the same bytes. */
export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;
