/**
 * Markdown export: one file per page, for note-taking apps (Obsidian, Logseq…) and for
 * reading. Each file has YAML front matter (title, outlet, authors, date, url, accessed),
 * a heading, then the highlights in order: the quote as a blockquote (one quoted paragraph
 * per line of the quote — a passage spanning paragraphs keeps its breaks), the note, the
 * tags, the colour and the time it was saved.
 *
 * Page text and notes are untrusted: everything they contain is escaped so that it renders
 * as the same text and nothing else. Backslash escapes (CommonMark §2.4) neutralise
 * emphasis, code, links and images (`[`, `]`), raw HTML and autolinks (`<`, `>`), entity
 * references (`&`), tables (`|`), strikethrough (`~`), Obsidian tags and maths (`#`, `$`),
 * Obsidian's own syntax — comments that hide text (`%%…%%`), highlights (`==…==`), block
 * ids (a trailing ` ^id`) and footnotes (`^`): `^` always, `%` and `=` in runs of two or
 * more — and block syntax at the start of a line
 * (headings, lists, quotes, setext and thematic breaks); `://` and `www.` are broken with
 * an escape so GFM does not turn a bare address into a link. Front-matter values are YAML
 * double-quoted strings (JSON escapes, plus the characters YAML does not allow raw). The
 * only links are the ones we write ourselves: the page URL as a `<…>` autolink of an
 * http(s) address, and the page's archived copy at the save time (archive.ts) as an HTML
 * `<a>` with the Robust Links attributes `data-originalurl` and `data-versiondate`
 * (https://robustlinks.mementoweb.org/spec/), its attribute values HTML-escaped; each
 * highlight's line links its own archived copy the same way.
 *
 * File names come from page titles: characters that are not allowed (or mean something)
 * in file names on Windows, macOS or Linux are replaced, reserved Windows names avoided,
 * length capped, and duplicates numbered; there are no folders, so no path can escape the
 * archive.
 */
import { archiveUrl, versionDate } from './archive';
import { isoTime } from './highlight-check';
import type { HighlightRecord, PageHighlights } from './types';

export interface MarkdownFile {
  name: string;
  text: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text without lone surrogates and control characters (tab and line breaks kept). */
function clean(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '\uFFFD');
}

/** Escape one line of untrusted text so that it renders as itself (see the module comment). */
export function escapeMarkdownLine(line: string): string {
  let s = clean(line).replace(/[\r\n]+/g, ' ').trim();
  s = s.replace(/[\\`*_[\]<>&|~#$^]/g, '\\$&');
  // Obsidian comments (%%) and highlights (==): every character of a run of two or more.
  s = s.replace(/%{2,}|={2,}/g, (m) => m.replace(/./g, '\\$&'));
  s = s.replace(/:\/\//g, '\\://').replace(/\b(www)\./gi, '$1\\.');
  // Block syntax at the start of a line: list markers, setext/thematic breaks, ordered lists.
  s = s.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return s;
}

/** Escape multi-line untrusted text: its non-empty lines, escaped. */
export function escapeMarkdownLines(text: string): string[] {
  return clean(text)
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(escapeMarkdownLine)
    .filter((l) => l !== '');
}

/** A YAML double-quoted scalar. */
export function yamlString(s: string): string {
  return JSON.stringify(clean(s)).replace(/[\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An http(s) URL as a CommonMark autolink (`<…>`): characters an autolink cannot hold are percent-encoded. */
export function autolink(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  // eslint-disable-next-line no-control-regex
  return `<${clean(url).replace(/[\s<>\u0000-\u001F\u007F]/g, (c) => encodeURIComponent(c))}>`;
}

const htmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The archived copy of `url` at the save time `at` as a Robust Link:
 * `<a href="<wayback>" data-originalurl="<url>" data-versiondate="YYYY-MM-DD">label</a>`; null for non-web addresses.
 */
export function robustArchiveLink(url: string, at: number | string | undefined, label = 'archived copy'): string | null {
  const archived = archiveUrl(url, at);
  const date = versionDate(at);
  if (!archived || !date) return null;
  const original = new URL(url).href;
  return `<a href="${htmlAttr(archived)}" data-originalurl="${htmlAttr(original)}" data-versiondate="${date}">${htmlAttr(label)}</a>`;
}

const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i;
const MAX_NAME_CHARS = 80;

/** A file name (without extension) from a title, unique among `used` (compared without case). */
export function safeFileName(title: string, used: Set<string>): string {
  let base = clean(title)
    .normalize('NFC')
    .replace(/[<>:"/\\|?*\u0000-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFD]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  base = Array.from(base).slice(0, MAX_NAME_CHARS).join('').replace(/^[\s.]+|[\s.]+$/g, '');
  if (!base) base = 'page';
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

function highlightBlock(h: HighlightRecord): string[] {
  const out: string[] = [];
  const lines = escapeMarkdownLines(h.quote);
  lines.forEach((l, i) => {
    if (i) out.push('>');
    out.push(`> ${l}`);
  });
  if (!lines.length) out.push('> \u2026');
  out.push('');
  if (h.note) {
    const note = escapeMarkdownLines(h.note);
    if (note.length) {
      out.push(`**Note:** ${note[0]}`);
      for (const l of note.slice(1)) out.push('', l);
      out.push('');
    }
  }
  if (h.tags.length) out.push(`**Tags:** ${h.tags.map(escapeMarkdownLine).join(', ')}`, '');
  const archived = robustArchiveLink(h.url, h.createdAt);
  out.push(`*${h.color} · saved ${isoTime(h.createdAt)}${h.anchor?.status === 'orphan' ? ' · not found on the page at the last visit' : ''}*${archived ? ` · ${archived}` : ''}`, '');
  return out;
}

/** One page's Markdown. */
export function pageMarkdown({ page, highlights }: PageHighlights): string {
  const fm = ['---', `title: ${yamlString(page.title || page.url)}`];
  if (page.outlet) fm.push(`outlet: ${yamlString(page.outlet)}`);
  const authors = (page.authors ?? []).filter((a) => a.trim());
  if (authors.length) fm.push('authors:', ...authors.map((a) => `  - ${yamlString(a)}`));
  if (page.published) fm.push(`date: ${yamlString(page.published)}`);
  fm.push(`url: ${yamlString(page.url)}`);
  if (typeof page.accessed === 'number' && Number.isFinite(page.accessed)) fm.push(`accessed: ${yamlString(isoTime(page.accessed).slice(0, 10))}`);
  else if (typeof page.accessed === 'string' && page.accessed) fm.push(`accessed: ${yamlString(page.accessed.slice(0, 10))}`);
  if (page.lang) fm.push(`lang: ${yamlString(page.lang)}`);
  const archivedUrl = archiveUrl(page.url, page.accessed);
  if (archivedUrl) fm.push(`archived: ${yamlString(archivedUrl)}`);
  fm.push('---', '');

  const body = [`# ${escapeMarkdownLine(page.title || page.url)}`, ''];
  const meta = [page.outlet && escapeMarkdownLine(page.outlet), authors.length ? authors.map(escapeMarkdownLine).join(', ') : '', page.published && escapeMarkdownLine(page.published)].filter(Boolean);
  if (meta.length) body.push(meta.join(' · '), '');
  const link = autolink(page.url);
  if (link) body.push(link, '');
  const archived = robustArchiveLink(page.url, page.accessed, 'Archived copy (Wayback Machine)');
  if (archived) body.push(archived, '');
  body.push(`## Highlights (${highlights.length})`, '');
  for (const h of highlights) body.push(...highlightBlock(h));
  if (!highlights.length) body.push('*No highlights on this page.*', '');
  return [...fm, ...body].join('\n');
}

/** One Markdown file per page, with safe, unique names. */
export function markdownFiles(pages: readonly PageHighlights[]): MarkdownFile[] {
  const used = new Set<string>();
  return pages.map((p) => ({ name: `${safeFileName(p.page.title || p.page.url, used)}.md`, text: pageMarkdown(p) }));
}
