/**
 * Quotation marks as the writer meant them, for the attribution grammar. News copy often mixes
 * marks: a straight opening mark closed by a curly one ("…,” said X), a curly opening mark used
 * to close (“It's unusual,“ said X), a straight mark doubled with a curly one ("“You don’t…).
 * Read as written, the speech verb after such a quotation looks quoted and the statement is
 * lost. `normaliseQuoteMarks` gives each double mark of a Latin-script line its direction from
 * its neighbours: straight marks become “ or ” where the context tells, a curly mark pointing
 * the wrong way is turned, a straight mark doubling a curly one becomes a space. One character
 * for one character (UTF-16 units), so offsets hold; lines with Arabic script are left as they are.
 */

const OPEN = 0x201c; // “
const CLOSE = 0x201d; // ”
const STRAIGHT = 0x22; // "

function isSpace(c: number): boolean {
  return c !== c || c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a);
}

/** Before an opening mark: start of line, space, an opening bracket or a dash. */
function opensAfter(c: number): boolean {
  return isSpace(c) || c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47;
}

/** After a closing mark: end of line, space, or clause punctuation. */
function closesBefore(c: number): boolean {
  return isSpace(c) || c === 44 || c === 46 || c === 59 || c === 58 || c === 63 || c === 33 || c === 41 || c === 93 || c === 0x2014 || c === 0x2013 || c === 45 || c === 0x2026;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || c === 0x2018 || c === 39;
}

/** The text with its double quotation marks given their direction (see the module comment). */
export function normaliseQuoteMarks(text: string): string {
  if (!/["“”]/.test(text)) return text;
  let out: string[] | null = null;
  const set = (i: number, r: number) => {
    out ??= text.split('');
    out[i] = String.fromCharCode(r);
  };
  for (let ls = 0; ls < text.length; ) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    const line = text.slice(ls, le);
    // Lines of straight marks only are read in pairs by the grammar; Arabic lines are left alone.
    if (/[“”]/.test(line) && !/[\u0600-\u06ff]/.test(line)) fixLine(text, ls, le, /"/.test(line), set);
    ls = le + 1;
  }
  return out ? (out as string[]).join('') : text;
}

function fixLine(text: string, ls: number, le: number, mixed: boolean, set: (i: number, r: number) => void): void {
  let open = false;
  for (let i = ls; i < le; i++) {
    const c = text.charCodeAt(i);
    if (c !== STRAIGHT && c !== OPEN && c !== CLOSE) continue;
    const p = i > ls ? text.charCodeAt(i - 1) : NaN;
    const n = i + 1 < le ? text.charCodeAt(i + 1) : NaN;
    let r = c;
    if (c === STRAIGHT) {
      if (!mixed) continue;
      // "“ or ”": a straight mark doubling a curly one.
      if (p === OPEN || p === CLOSE || n === OPEN || n === CLOSE) r = 32;
      else if (opensAfter(p) && !isSpace(n)) r = OPEN;
      else if (!isSpace(p) && closesBefore(n)) r = CLOSE;
      else r = open ? CLOSE : OPEN;
    } else if (c === OPEN) {
      // “ after a word or a stop, before a space or a stop: a closing mark ("unusual,“ said").
      if (open && !isSpace(p) && !opensAfter(p) && (isWordChar(p) || p === 44 || p === 46 || p === 63 || p === 33) && closesBefore(n)) r = CLOSE;
    } else if (!open && (isSpace(p) || p !== p) && isWordChar(n)) r = OPEN; // ” opening a word
    if (r === OPEN) open = true;
    else if (r === CLOSE) open = false;
    if (r !== c) set(i, r);
  }
}
