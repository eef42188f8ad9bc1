/**
 * JSON parsing with readable errors: the line and column of the first syntax error,
 * whatever the engine's JSON.parse message says.
 */

/**
 * Offset of the first JSON syntax error in `text` (RFC 8259), for engines whose
 * JSON.parse message has no position. Only run on text JSON.parse refused.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const str = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail();
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return void (i++, fail());
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      if (text.startsWith(word, i)) i += word.length;
      else fail();
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.exec(text)) fail();
      i = NUMBER.lastIndex;
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : null;
  } catch (e) {
    return typeof e === 'number' ? e : null; // RangeError: nesting too deep for this scanner
  }
}

/** JSON.parse with a readable error: "invalid JSON at line 3, column 14 (character 52): …". */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const m = /at position (\d+)/.exec(raw);
    const pos = m ? Number(m[1]) : /end of JSON input/.test(raw) ? text.length : jsonErrorOffset(text);
    // V8 quotes a piece of the input in some messages ("Unexpected token 'x', "…" is not valid JSON"): keep the reason only.
    const reason = raw
      .replace(/\s*(?:in JSON )?at position \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)\s*$/, '')
      .replace(/^JSON\.parse: (.*?) at line \d+ column \d+ of the JSON data$/s, '$1') // Firefox
      .replace(/^(Unexpected token '.+?'), (?:\.\.\.)?".*" is not valid JSON$/s, '$1')
      .replace(/^Unexpected non-whitespace character after JSON$/, 'Unexpected text after the JSON value');
    if (pos === null) return { ok: false, message: `invalid JSON: ${reason}` };
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    const where = pos >= text.length ? 'at the end of the text' : `at line ${line}, column ${column} (character ${pos})`;
    return { ok: false, message: `invalid JSON ${where}: ${reason}` };
  }
}
