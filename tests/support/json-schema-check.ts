/**
 * A tiny JSON Schema checker for the tests: the subset our schemas use (type, const, enum,
 * required, properties, items, minLength, pattern, minimum, maximum, local `$ref` to
 * `#/$defs/…`). Returns the list of problems, each with its JSON path; empty = valid.
 * Test-only (no new package: the project's validation library is valibot, for its own
 * run-time schemas).
 */
export type Schema = Record<string, unknown>;

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'object': return v !== null && typeof v === 'object' && !Array.isArray(v);
    case 'array': return Array.isArray(v);
    case 'string': return typeof v === 'string';
    case 'integer': return Number.isInteger(v);
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'boolean': return typeof v === 'boolean';
    case 'null': return v === null;
    default: throw new Error(`unsupported type ${t}`);
  }
}

const KNOWN = new Set(['$schema', '$comment', '$defs', '$ref', 'type', 'const', 'enum', 'required', 'properties', 'items', 'minLength', 'pattern', 'minimum', 'maximum']);

export function checkSchema(root: Schema, value: unknown): string[] {
  const problems: string[] = [];
  const walk = (schema: Schema, v: unknown, path: string): void => {
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`unsupported keyword ${k}`);
    if (typeof schema.$ref === 'string') {
      const m = /^#\/\$defs\/(.+)$/.exec(schema.$ref);
      const target = m && (root.$defs as Record<string, Schema> | undefined)?.[m[1]];
      if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
      walk(target, v, path);
    }
    if (typeof schema.type === 'string' && !typeOk(schema.type, v)) {
      problems.push(`${path}: expected ${schema.type}`);
      return;
    }
    if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(v)) problems.push(`${path}: expected ${JSON.stringify(schema.const)}`);
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) problems.push(`${path}: not one of ${JSON.stringify(schema.enum)}`);
    if (typeof v === 'string') {
      if (typeof schema.minLength === 'number' && v.length < schema.minLength) problems.push(`${path}: shorter than ${schema.minLength}`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) problems.push(`${path}: does not match ${schema.pattern}`);
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) problems.push(`${path}: below ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && v > schema.maximum) problems.push(`${path}: above ${schema.maximum}`);
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in o)) problems.push(`${path}: missing "${r}"`);
      for (const [k, s] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) if (k in o) walk(s, o[k], `${path}.${k}`);
    }
    if (Array.isArray(v) && schema.items) v.forEach((x, i) => walk(schema.items as Schema, x, `${path}[${i}]`));
  };
  walk(root, value, '$');
  return problems;
}
