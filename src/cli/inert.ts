/**
 * Text from articles and file names, made inert for a terminal. Printed as it is, an article could
 * write the clipboard (OSC 52), plant links to any address (OSC 8), or clear the screen and draw a
 * report of its own (CSI); a line feed in a file name could forge report lines. Every readable
 * output and error message of the CLI goes through here, and shows C0 controls, DEL and C1
 * controls as `\xNN`. JSON output keeps JSON's own escapes, and escapes DEL and C1 too.
 */

// Matching control characters is the point here.
/* eslint-disable no-control-regex */
// C0 but tab and line feed, DEL, C1.
const CONTROL_IN_TEXT = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// Every control, tab and line feed too.
const CONTROL_IN_LINE = /[\x00-\x1f\x7f-\x9f]/g;
// JSON.stringify escapes C0 itself.
const DEL_OR_C1 = /[\x7f-\x9f]/g;
/* eslint-enable no-control-regex */

const hex = (ch: string): string => ch.charCodeAt(0).toString(16).padStart(2, '0');

/** Readable output: every control shown escaped but tab and line feed, which lay the text out. */
export function inertText(text: string): string {
  return text.replace(CONTROL_IN_TEXT, (ch) => `\\x${hex(ch)}`);
}

/** A file name, or a message that must stay on one line: line feeds and tabs are escaped too. */
export function inertLine(text: string): string {
  return text.replace(CONTROL_IN_LINE, (ch) => `\\x${hex(ch)}`);
}

/** JSON text with DEL and C1 escaped as `\u00NN`: the same JSON value, nothing a terminal acts on. */
export function inertJson(json: string): string {
  return json.replace(DEL_OR_C1, (ch) => `\\u00${hex(ch)}`);
}
