/**
 * Control characters from the file (ESC, BEL, the C1 range with its 8-bit CSI and OSC) would be
 * obeyed by the terminal or the CI log viewer: a value could set the window title, clear the screen
 * or hide the lines around it. Human formats show them as `\xNN` instead; tab stays a tab.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
