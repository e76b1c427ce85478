import type { FileResult } from '../base/diagnostics.js';

export interface FormatOptions {
  /** Paths in human output are shown relative to this; machine formats say which they use. */
  cwd: string;
  /** ANSI colours; the CLI turns them on only for a terminal without NO_COLOR. */
  color: boolean;
  /**
   * The folder machine formats (sarif, github, junit, gitlab) make paths relative to. Default: the git
   * top level above `cwd`, else `cwd`. Tests set it so that output does not depend on the machine.
   */
  root?: string;
  /**
   * SARIF only: keep suppressed findings (with their `suppressions`). Off by default, because GitHub
   * code scanning ignores `suppressions` and would open an alert for each.
   */
  includeSuppressed?: boolean;
}

/** Formatters are pure: the same results give the same bytes. */
export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;
