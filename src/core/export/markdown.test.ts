import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autolink, escapeMarkdownLine, escapeMarkdownLines, markdownFiles, pageMarkdown, safeFileName, yamlString } from './markdown';
import { sampleHighlight, text } from '../../../tests/support/export-arbitraries';

/** CommonMark reading of backslash escapes: "\" before ASCII punctuation is dropped. */
const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const cleaned = (s: string) => s.replace(LONE, '\uFFFD').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD');

/** Every character that could start Markdown or HTML syntax is escaped (preceded by an unescaped backslash). */
function allSpecialsEscaped(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      if (!/[!-/:-@[-`{-~]/.test(line[i + 1] ?? '')) return false; // a lone backslash would escape what follows
      i++;
      continue;
    }
    if (/[`*_[\]<>&|~#$^]/.test(line[i])) return false;
    if (/[%=]/.test(line[i]) && line[i + 1] === line[i]) return false;
    if (line.startsWith('://', i) || /^www\./i.test(line.slice(i)) && (i === 0 || !/\w/.test(line[i - 1]))) return false;
  }
  return !/^(?:[-+=]|\d+[.)])/.test(line);
}

describe('escaping', () => {
  it('escapes link, image, HTML, entity and block syntax', () => {
    expect(escapeMarkdownLine('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(escapeMarkdownLine('![x](https://evil.example/t.png)')).toBe('!\\[x\\](https\\://evil.example/t.png)');
    expect(escapeMarkdownLine('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(escapeMarkdownLine('&#106;avascript &amp;')).toBe('\\&\\#106;avascript \\&amp;');
    expect(escapeMarkdownLine('# Title')).toBe('\\# Title');
    expect(escapeMarkdownLine('- item')).toBe('\\- item');
    expect(escapeMarkdownLine('1. one')).toBe('1\\. one');
    expect(escapeMarkdownLine('===')).toBe('\\=\\=\\=');
    expect(escapeMarkdownLine('see www.evil.example now')).toBe('see www\\.evil.example now');
    expect(escapeMarkdownLine('C:\\path *x* _y_ `z` a|b ~~s~~ $m$')).toBe('C:\\\\path \\*x\\* \\_y\\_ \\`z\\` a\\|b \\~\\~s\\~\\~ \\$m\\$');
    expect(escapeMarkdownLine('  الدولة الإسلامية 👍  ')).toBe('الدولة الإسلامية 👍');
    expect(escapeMarkdownLines('first\n\n  second  \r\nthird')).toEqual(['first', 'second', 'third']);
  });

  it('escapes Obsidian-only syntax: %% comments, == highlights, trailing ^block ids', () => {
    expect(escapeMarkdownLine('seen %%hidden%% here')).toBe('seen \\%\\%hidden\\%\\% here');
    expect(escapeMarkdownLine('a ==marked== word')).toBe('a \\=\\=marked\\=\\= word');
    expect(escapeMarkdownLine('end of the paragraph ^abc123')).toBe('end of the paragraph \\^abc123');
    expect(escapeMarkdownLine('=== heading?')).toBe('\\=\\=\\= heading?');
    // No unescaped marker is left for Obsidian to act on.
    for (const line of ['%%x%%', '==x==', 'p ^id', 'x[^1]']) expect(escapeMarkdownLine(line)).not.toMatch(/(?<!\\)(%%|==|\^)/);
  });

  it('renders back to the same text and leaves no syntax unescaped (500 runs)', () => {
    fc.assert(
      fc.property(text(), (s) => {
        const lines = escapeMarkdownLines(s);
        const want = cleaned(s).split(/\r\n|\r|\n|\u2028|\u2029/).map((l) => l.trim()).filter(Boolean);
        expect(lines.map(unescape)).toEqual(want);
        for (const l of lines) {
          expect(l).not.toMatch(/[\r\n]/);
          expect(allSpecialsEscaped(l)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('writes YAML double-quoted scalars that read back as the text (500 runs)', () => {
    fc.assert(
      fc.property(text(), (s) => {
        const y = yamlString(s);
        expect(y).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
        expect(JSON.parse(y)).toBe(cleaned(s));
      }),
      { numRuns: 500 },
    );
  });

  it('links only http(s) page addresses, percent-encoding what an autolink cannot hold', () => {
    expect(autolink('https://news.example/a b<c>')).toBe('<https://news.example/a%20b%3Cc%3E>');
    expect(autolink('javascript:alert(1)')).toBeNull();
  });
});

describe('safeFileName', () => {
  it('replaces forbidden characters, avoids reserved names, caps the length and numbers duplicates', () => {
    const used = new Set<string>();
    expect(safeFileName('Trial: day 1 / "verdict"?', used)).toBe('Trial day 1 verdict');
    expect(safeFileName('trial DAY 1 verdict', used)).toBe('trial DAY 1 verdict (2)');
    expect(safeFileName('../../etc/passwd', used)).toBe('etc passwd');
    expect(safeFileName('CON', used)).toBe('_CON');
    expect(safeFileName('nul.txt', used)).toBe('_nul.txt');
    expect(safeFileName('...', used)).toBe('page');
    expect(safeFileName('\u202Egnp.exe', used)).toBe('gnp.exe');
    expect(safeFileName('محاكمة في الموصل', used)).toBe('محاكمة في الموصل');
    const long = safeFileName('👍'.repeat(200), used);
    expect(Array.from(long)).toHaveLength(80);
    expect(long).not.toMatch(new RegExp(LONE.source));
  });
});

describe('pageMarkdown', () => {
  it('writes front matter, the page heading and each highlight', () => {
    const md = pageMarkdown({
      page: { url: 'https://news.example/2025/03/01/mosul-trial', title: 'Trial of [Mosul] recruiters', outlet: 'News Example', authors: ['Jane Smith'], published: '2025-03-01', accessed: Date.UTC(2025, 2, 2), lang: 'en' },
      highlights: [
        sampleHighlight({ quote: 'First paragraph <b>\nSecond [paragraph](javascript:x)', note: 'Note with *stars*\nand a second line', tags: ['trials', '#mosul'] }),
        sampleHighlight({ id: 'b', tags: [], anchor: { status: 'orphan', at: 0 } }),
      ],
    });
    expect(md).toBe(
      [
        '---',
        'title: "Trial of [Mosul] recruiters"',
        'outlet: "News Example"',
        'authors:',
        '  - "Jane Smith"',
        'date: "2025-03-01"',
        'url: "https://news.example/2025/03/01/mosul-trial"',
        'accessed: "2025-03-02"',
        'lang: "en"',
        'archived: "https://web.archive.org/web/20250302000000/https://news.example/2025/03/01/mosul-trial"',
        '---',
        '',
        '# Trial of \\[Mosul\\] recruiters',
        '',
        'News Example · Jane Smith · 2025-03-01',
        '',
        '<https://news.example/2025/03/01/mosul-trial>',
        '',
        '<a href="https://web.archive.org/web/20250302000000/https://news.example/2025/03/01/mosul-trial" data-originalurl="https://news.example/2025/03/01/mosul-trial" data-versiondate="2025-03-02">Archived copy (Wayback Machine)</a>',
        '',
        '## Highlights (2)',
        '',
        '> First paragraph \\<b\\>',
        '>',
        '> Second \\[paragraph\\](javascript:x)',
        '',
        '**Note:** Note with \\*stars\\*',
        '',
        'and a second line',
        '',
        '**Tags:** trials, \\#mosul',
        '',
        '*green · saved 2025-03-01T09:30:00.000Z* · <a href="https://web.archive.org/web/20250301093000/https://news.example/2025/03/01/mosul-trial" data-originalurl="https://news.example/2025/03/01/mosul-trial" data-versiondate="2025-03-01">archived copy</a>',
        '',
        '> the court heard from three witnesses',
        '',
        '*green · saved 2025-03-01T09:30:00.000Z · not found on the page at the last visit* · <a href="https://web.archive.org/web/20250301093000/https://news.example/2025/03/01/mosul-trial" data-originalurl="https://news.example/2025/03/01/mosul-trial" data-versiondate="2025-03-01">archived copy</a>',
        '',
      ].join('\n'),
    );
  });

  it('names one file per page, uniquely', () => {
    const files = markdownFiles([
      { page: { url: 'https://a.example/1', title: 'Same title' }, highlights: [sampleHighlight()] },
      { page: { url: 'https://a.example/2', title: 'Same title' }, highlights: [] },
      { page: { url: 'https://a.example/3', title: '' }, highlights: [] },
    ]);
    expect(files.map((f) => f.name)).toEqual(['Same title.md', 'Same title (2).md', 'https a.example 3.md']);
    expect(files[1].text).toContain('*No highlights on this page.*');
  });
});

describe('archived-copy links', () => {
  it('escape what they write, and only link web addresses', async () => {
    const { robustArchiveLink } = await import('./markdown');
    expect(robustArchiveLink('https://news.example/a?x=1&y="2"', Date.UTC(2025, 0, 1))).toBe(
      '<a href="https://web.archive.org/web/20250101000000/https://news.example/a?x=1&amp;y=%222%22" data-originalurl="https://news.example/a?x=1&amp;y=%222%22" data-versiondate="2025-01-01">archived copy</a>',
    );
    expect(robustArchiveLink('javascript:alert(1)', 0)).toBeNull();
  });
});
