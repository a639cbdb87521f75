/**
 * Turns a log line with ANSI escape codes into styled runs of plain text. Only what a log reader
 * needs survives: the 16 foreground and background colours, bold, and resets. Every other escape
 * (cursor moves, erase, titles, 256-colour and true-colour, hyperlinks) and every other control
 * character is dropped. The runs are rendered as React text, so nothing in a line is ever markup.
 */

/** 0–7 normal, 8–15 bright; undefined is the default colour. */
export type AnsiColor = number;

export type AnsiRun = { text: string; fg?: AnsiColor; bg?: AnsiColor; bold?: true };

type Style = { fg?: AnsiColor; bg?: AnsiColor; bold?: true };

// CSI (ESC [ params final) | OSC (ESC ] … BEL or ESC \) | ESC, intermediates, final (charsets…) |
// a lone ESC | any other C0 control but tab, and DEL.
const ESCAPES = /\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]|\x1b|[\x00-\x08\x0a-\x1a\x1c-\x1f\x7f]/g;

function applySgr(style: Style, params: string): Style {
  const codes = params === "" ? [0] : params.split(";").map((p) => (p === "" ? 0 : Number(p)));
  let next: Style = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === 0) next = {};
    else if (code === 1) next.bold = true;
    else if (code === 22) delete next.bold;
    else if (code >= 30 && code <= 37) next.fg = code - 30;
    else if (code >= 90 && code <= 97) next.fg = code - 90 + 8;
    else if (code === 39) delete next.fg;
    else if (code >= 40 && code <= 47) next.bg = code - 40;
    else if (code >= 100 && code <= 107) next.bg = code - 100 + 8;
    else if (code === 49) delete next.bg;
    // 38/48 carry their own arguments (5;n or 2;r;g;b): skip them, so "5" is not read as blink.
    else if (code === 38 || code === 48) i += codes[i + 1] === 5 ? 2 : codes[i + 1] === 2 ? 4 : 1;
  }
  return next;
}

function sameStyle(a: Style, b: Style): boolean {
  return a.fg === b.fg && a.bg === b.bg && a.bold === b.bold;
}

export function parseAnsi(line: string): AnsiRun[] {
  const runs: AnsiRun[] = [];
  let style: Style = {};
  let from = 0;
  const emit = (text: string) => {
    if (!text) return;
    const last = runs.at(-1);
    if (last && sameStyle(last, style)) last.text += text;
    else runs.push({ text, ...style });
  };
  for (const match of line.matchAll(ESCAPES)) {
    emit(line.slice(from, match.index));
    from = match.index + match[0].length;
    if (match[2] === "m") style = applySgr(style, match[1]);
  }
  emit(line.slice(from));
  return runs;
}

/** The text a reader sees, for search and copy. Fast path: most lines have no escapes at all. */
export function plainText(line: string): string {
    if (!/[\x00-\x08\x0a-\x1f\x7f]/.test(line)) return line;
  return line.replace(ESCAPES, "");
}
