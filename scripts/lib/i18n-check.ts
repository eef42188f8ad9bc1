/**
 * The checks behind `npm run check:i18n` (scripts/check-i18n.ts) and its unit test: every
 * locale has every key (plural messages: every plural category of its language), the same
 * placeholders as English, no unused key, and no hard-coded interface text in JSX.
 */
import ts from 'typescript';

export interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, Entry>;

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

/** Key → base for plural forms ("x_one" → "x"), the key itself otherwise. */
function baseOf(key: string, catalog: Catalog): string {
  const m = PLURAL.exec(key);
  return m && `${m[1]}_other` in catalog ? m[1] : key;
}

function placeholderSig(e: Entry): string {
  return JSON.stringify(Object.entries(e.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]).sort());
}

/** Missing or extra keys, missing plural categories, placeholders differing from English or undefined. */
export function checkCatalogs(catalogs: Record<string, Catalog>, reference = 'en'): string[] {
  const problems: string[] = [];
  const en = catalogs[reference];
  const enBases = new Map<string, Entry>();
  for (const [k, e] of Object.entries(en)) {
    const b = baseOf(k, en);
    if (!enBases.has(b) || b !== k) enBases.set(b, b === k ? e : en[`${b}_other`] ?? e);
  }
  for (const [lang, cat] of Object.entries(catalogs)) {
    const plural = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
    const bases = new Set(Object.keys(cat).map((k) => baseOf(k, cat)));
    for (const [b, ref] of enBases) {
      const isPlural = `${b}_other` in en;
      if (!isPlural) {
        if (!(b in cat)) problems.push(`${lang}: missing key "${b}"`);
        continue;
      }
      for (const c of plural) if (!(`${b}_${c}` in cat)) problems.push(`${lang}: missing plural form "${b}_${c}"`);
      void ref;
    }
    for (const b of bases) if (!enBases.has(b)) problems.push(`${lang}: key "${b}" is not in ${reference}`);
    for (const [k, e] of Object.entries(cat)) {
      const b = baseOf(k, cat);
      const ref = en[k] ?? en[`${b}_other`];
      if (!ref) continue;
      if (placeholderSig(e) !== placeholderSig(ref)) problems.push(`${lang}: placeholders of "${k}" differ from ${reference}`);
      const defined = new Set(Object.keys(e.placeholders ?? {}).map((n) => n.toLowerCase()));
      for (const m of e.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
        if (!defined.has(m[1].toLowerCase())) problems.push(`${lang}: "${k}" uses undefined placeholder $${m[1]}$`);
      }
      // Every placeholder appears in the message, except where a plural form spells the count out ("once").
      const used = new Set([...e.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1].toLowerCase()));
      for (const n of defined) {
        const optional = PLURAL.exec(k) && n === 'count' && !/_(other|many|few)$/.test(k);
        if (!used.has(n) && !optional) problems.push(`${lang}: "${k}" does not use placeholder $${n.toUpperCase()}$`);
      }
    }
  }
  return problems;
}

/** Keys of `catalog` that no source file names as a string literal (plural messages by their base). */
export function unusedKeys(catalog: Catalog, sources: readonly string[]): string[] {
  const literals = new Set<string>();
  for (const text of sources) {
    for (const m of text.matchAll(/['"`]([A-Za-z][A-Za-z0-9_]*)['"`]/g)) literals.add(m[1]);
    for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) literals.add(m[1]);
  }
  const bases = new Set(Object.keys(catalog).map((k) => baseOf(k, catalog)));
  return [...bases].filter((b) => !literals.has(b));
}

/** Attributes whose text the reader sees or hears. */
const TEXT_ATTRS = new Set(['title', 'aria-label', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'label']);
/** Text allowed as it is: kept tiny on purpose. */
const ALLOWED = [/^https?:\/\//];

const hasLetters = (s: string) => /\p{L}/u.test(s) && !ALLOWED.some((re) => re.test(s.trim()));

/** Literal text rendered by a JSX expression: the literal itself, either branch of `?:`, the right of `&&` / `||` / `??`. */
function renderedLiterals(e: ts.Expression, out: string[]): void {
  if (ts.isParenthesizedExpression(e)) return renderedLiterals(e.expression, out);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) out.push(e.text);
  else if (ts.isTemplateExpression(e)) out.push(e.head.text, ...e.templateSpans.map((s) => s.literal.text));
  else if (ts.isConditionalExpression(e)) {
    renderedLiterals(e.whenTrue, out);
    renderedLiterals(e.whenFalse, out);
  } else if (ts.isBinaryExpression(e) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind)) {
    renderedLiterals(e.right, out);
  }
}

/** Interface text written into JSX instead of going through the messages: "file:line: text". */
export function hardCodedJsx(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, s: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push(`${fileName}:${line}: ${JSON.stringify(s.trim())}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasLetters(node.text)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const lits: string[] = [];
      renderedLiterals(node.expression, lits);
      for (const l of lits) if (hasLetters(l)) report(node, l);
    } else if (ts.isJsxAttribute(node) && TEXT_ATTRS.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      const lits: string[] = [];
      if (ts.isStringLiteral(init)) lits.push(init.text);
      else if (ts.isJsxExpression(init) && init.expression) renderedLiterals(init.expression, lits);
      for (const l of lits) if (hasLetters(l)) report(node, l);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
