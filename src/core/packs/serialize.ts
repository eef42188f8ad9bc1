/**
 * Deterministic pack serialisation: two-space indentation like JSON.stringify(…, null, 2),
 * except that short lists of strings (tags, domains, languages) stay on one line and
 * lists of numbers (fingerprints) always do, so built packs read and diff well.
 * Non-ASCII text is written as is (UTF-8), not escaped.
 */

const LINE_WIDTH = 100;

function isPrimitive(x: unknown): boolean {
  return x === null || typeof x !== 'object';
}

function write(value: unknown, indent: string, column: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    if (value.every(isPrimitive)) {
      const line = `[${value.map((x) => JSON.stringify(x) ?? 'null').join(', ')}]`;
      if (value.every((x) => typeof x === 'number') || column + line.length <= LINE_WIDTH) return line;
    }
    return `[\n${value.map((x) => inner + write(x, inner, inner.length)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, x]) => x !== undefined && typeof x !== 'function');
  if (!entries.length) return '{}';
  return `{\n${entries
    .map(([k, x]) => {
      const key = `${inner}${JSON.stringify(k)}: `;
      return key + write(x, inner, key.length);
    })
    .join(',\n')}\n${indent}}`;
}

/** Serialise a pack (or any JSON value): readable by default, minified with `compact`. Ends with a newline. */
export function serializePack(pack: unknown, opts: { compact?: boolean } = {}): string {
  return (opts.compact ? JSON.stringify(pack) : write(pack, '', 0)) + '\n';
}
