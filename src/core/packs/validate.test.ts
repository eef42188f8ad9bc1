import { describe, expect, it, vi } from 'vitest';
import { fingerprintText } from './fingerprint';
import { jsonErrorOffset, parseJson } from './json';
import { MAX_LIST_ITEMS, MAX_PACK_BYTES, MAX_PROBLEMS, MAX_REPORTS, MAX_TEXT_CHARS } from './limits';
import { serializePack } from './serialize';
import { compareVersions, isIsoDate, parsePackText, utf8Length, validatePack, type PackValidation } from './validate';

/** A small valid pack; each test breaks one thing. */
function pack(): Record<string, any> {
  return {
    format: 'provenance-pack/1',
    id: 'test-pack',
    name: 'Test pack',
    version: '1.2.0',
    publisher: 'Tests',
    updated: '2024-05-01T12:00:00Z',
    sources: [
      { id: 'alpha', name: 'Alpha News', domains: ['alpha.example'], type: 'news-site', country: 'IQ', languages: ['ar', 'en'], notes: 'An outlet.' },
      { id: 'beta', name: 'Beta Wire', aliases: ['BW'], domains: ['beta.example', 'news.beta.example'], type: 'wire', country: 'FR', languages: ['fr'], notes: '' },
    ],
    reports: [
      {
        id: 'a1', title: 'First report', sourceId: 'alpha', lang: 'en', summary: 'Two sentences. Here.', tags: ['t'],
        url: 'https://alpha.example/a1', published: '2016-04', relays: [{ sourceId: 'beta', name: 'Beta Wire', how: 'quotes' }, { sourceId: null, name: 'Somebody', how: 'cites' }],
        links: [{ type: 'same-story', reportId: 'b1' }],
      },
      { id: 'b1', title: 'Second report', sourceId: 'beta', lang: 'fr', summary: 'Deux phrases.', tags: [] },
    ],
  };
}

function lines(r: PackValidation): string[] {
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

function problemsAfter(change: (p: Record<string, any>) => void): string[] {
  const p = pack();
  change(p);
  const r = validatePack(p);
  expect(r.ok).toBe(false);
  return lines(r);
}

describe('validatePack: a valid pack', () => {
  it('is accepted as the same object, without warnings', () => {
    const p = pack();
    const r = validatePack(p);
    expect(lines(r)).toEqual([]);
    expect(r.ok && r.pack).toBe(p);
    expect(r.warnings).toEqual([]);
  });

  it('preserves unknown fields at every level through a parse → validate → serialize round trip', () => {
    const p = pack();
    p.futureHeader = { a: [1, { b: 'c' }] };
    p.sources[0].futureSource = 'kept';
    p.reports[0].futureReport = { nested: true };
    p.reports[0].relays[0].futureRelay = 1;
    p.reports[0].links[0].futureLink = null;
    p.reports[0].claims = [{ subject: 's', text: 't', futureClaim: ['x'] }];
    p.reports[0].fingerprint = { ...fingerprintText('some words to fingerprint here and there'), futureFp: 'y' };
    const text = serializePack(p);
    const r = parsePackText(text);
    expect(lines(r)).toEqual([]);
    expect(r.ok && JSON.parse(serializePack(r.pack))).toEqual(p);
    expect(r.ok && (r.pack.reports[0] as any).futureReport).toEqual({ nested: true });
  });

  it('accepts XSS payloads as text, where text is expected', () => {
    const p = pack();
    p.name = '<script>alert(1)</script>';
    p.reports[0].title = '<img src=x onerror=alert(1)>';
    p.reports[0].summary = '<script>alert(document.cookie)</script>';
    p.reports[0].keywords = ['javascript:alert(1)'];
    p.sources[0].notes = '<a href="javascript:alert(1)">x</a>';
    expect(lines(validatePack(p))).toEqual([]);
  });
});

describe('validatePack: format version', () => {
  it('refuses an unknown major version with one clear problem', () => {
    const p = pack();
    p.format = 'provenance-pack/2';
    p.reports = 'whatever the new major looks like';
    const r = validatePack(p);
    expect(lines(r)).toEqual(['$.format: unsupported pack format "provenance-pack/2": this version of Provenance reads provenance-pack/1']);
  });

  it('reports a missing or malformed format and goes on checking', () => {
    expect(problemsAfter((p) => delete p.format)).toEqual(['$.format: required field is missing (expected "provenance-pack/1")']);
    const l = problemsAfter((p) => {
      p.format = 'provenance-pack/1.1';
      p.name = '';
    });
    expect(l).toEqual(['$.format: not a Provenance pack format: "provenance-pack/1.1" (expected "provenance-pack/1")', '$.name: must not be empty']);
  });

  it('refuses what is not an object', () => {
    for (const x of [null, [], 'pack', 3]) expect(lines(validatePack(x))[0]).toMatch(/^\$: expected a pack object, got /);
  });
});

describe('validatePack: fields', () => {
  it('types and required fields', () => {
    const l = problemsAfter((p) => {
      p.reports[0].title = 5;
      delete p.reports[1].summary;
      p.sources[0].domains = 'alpha.example';
      p.reports[0].titleIsDescriptive = 'yes';
    });
    expect(l).toEqual([
      '$.reports[0].title: expected a string, got a number (5)',
      '$.reports[0].titleIsDescriptive: expected true or false, got a string ("yes")',
      '$.reports[1].summary: required field is missing',
      '$.sources[0].domains: expected an array, got a string ("alpha.example")',
    ]);
  });

  it('ids: pattern and uniqueness', () => {
    const l = problemsAfter((p) => {
      p.id = 'Test';
      p.reports[1].id = 'a1';
      p.sources[1].id = 'x'.repeat(129);
      p.reports[0].sourceId = '-alpha';
    });
    expect(l).toContainEqual(expect.stringMatching(/^\$\.id: invalid pack id "Test"/));
    expect(l).toContainEqual('$.reports[1].id: duplicate report id "a1" (also at $.reports[0])');
    expect(l).toContainEqual(expect.stringMatching(/^\$\.sources\[1\]\.id: invalid source id "x{60}…"/));
    expect(l).toContainEqual(expect.stringMatching(/^\$\.reports\[0\]\.sourceId: invalid source id "-alpha"/));
    expect(problemsAfter((p) => (p.sources[1].id = 'alpha'))).toContainEqual('$.sources[1].id: duplicate source id "alpha" (also at $.sources[0])');
    // ids up to 128 characters with . _ - are fine
    const p = pack();
    p.sources[1].id = 'b.e_t-a' + 'x'.repeat(121);
    p.reports[1].sourceId = p.sources[1].id;
    p.reports[0].relays[0].sourceId = p.sources[1].id;
    expect(lines(validatePack(p))).toEqual([]);
  });

  it('string sizes', () => {
    const l = problemsAfter((p) => {
      p.reports[0].title = 'x'.repeat(2_001);
      p.reports[0].summary = 'x'.repeat(20_001);
      p.sources[0].notes = 'x'.repeat(20_001);
      p.reports[1].text = 'x'.repeat(MAX_TEXT_CHARS + 1);
    });
    expect(l).toEqual([
      '$.reports[0].summary: too long: 20,001 characters; at most 20,000',
      '$.reports[0].title: too long: 2,001 characters; at most 2,000',
      '$.reports[1].text: too long: 1,000,001 characters; at most 1,000,000',
      '$.sources[0].notes: too long: 20,001 characters; at most 20,000',
    ]);
    const p = pack();
    p.reports[0].title = 'x'.repeat(2_000);
    p.reports[1].text = 'x'.repeat(MAX_TEXT_CHARS);
    expect(lines(validatePack(p))).toEqual([]);
  });

  it('list sizes', () => {
    const l = problemsAfter((p) => {
      p.reports[0].tags = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `t${i}`);
    });
    expect(l).toEqual([`$.reports[0].tags: too many items: 1,001; at most 1,000`]);
  });

  it('at most MAX_REPORTS reports', () => {
    const p = pack();
    const r = { id: '', title: 'T', sourceId: 'alpha', lang: 'en', summary: 'S.', tags: [] };
    p.reports = Array.from({ length: MAX_REPORTS + 1 }, (_, i) => ({ ...r, id: `r${i}` }));
    expect(lines(validatePack(p))).toEqual(['$.reports: too many items: 200,001; at most 200,000']);
    p.reports.pop();
    expect(validatePack(p).ok).toBe(true);
  });

  it('URLs: http and https only', () => {
    const l = problemsAfter((p) => {
      p.homepage = 'javascript:alert(1)';
      p.reports[0].url = 'data:text/html,<script>alert(1)</script>';
      p.reports[0].canonicalUrl = 'file:///etc/passwd';
      p.reports[0].copies = ['https://ok.example/x', ' javascript:alert(1)', 'java\tscript:alert(1)', '/relative/path', 'http://'];
      p.sources[0].links = ['ftp://alpha.example/'];
    });
    expect(l).toEqual([
      '$.homepage: URL scheme "javascript:" is not allowed: only http: and https: URLs',
      '$.reports[0].canonicalUrl: URL scheme "file:" is not allowed: only http: and https: URLs',
      '$.reports[0].copies[1]: URL scheme "javascript:" is not allowed: only http: and https: URLs',
      '$.reports[0].copies[2]: URL scheme "javascript:" is not allowed: only http: and https: URLs',
      '$.reports[0].copies[3]: not an absolute URL: "/relative/path"',
      '$.reports[0].copies[4]: not an absolute URL: "http://"',
      '$.reports[0].url: URL scheme "data:" is not allowed: only http: and https: URLs',
      '$.sources[0].links[0]: URL scheme "ftp:" is not allowed: only http: and https: URLs',
    ]);
  });

  it('dates: ISO 8601, real calendar dates, zones on date-times', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-01-01T10:00Z')).toBe(true);
    expect(isIsoDate('2024-01-01T10:00:59.123+05:30')).toBe(true);
    expect(isIsoDate('2024-01-01T10:00:00')).toBe(false);
    expect(isIsoDate('2024-01-01T24:00:00Z')).toBe(false);
    expect(isIsoDate('2024-01')).toBe(false);
    expect(isIsoDate('2024-01', true)).toBe(true);
    expect(isIsoDate('2024', true)).toBe(true);
    expect(isIsoDate('2024-13', true)).toBe(false);
    expect(isIsoDate('01/02/2024', true)).toBe(false);
    const l = problemsAfter((p) => {
      p.updated = '2024-05';
      p.reports[0].published = 'April 2016';
      p.reports[0].claims = [{ subject: 's', text: 't', date: '2016-02-30' }];
    });
    expect(l.map((x) => x.split(':')[0])).toEqual(['$.reports[0].claims[0].date', '$.reports[0].published', '$.updated']);
    for (const x of l) expect(x).toMatch(/not a valid ISO 8601 date/);
  });

  it('enumerations, numbers and language tags', () => {
    const l = problemsAfter((p) => {
      p.sources[0].type = 'podcast';
      p.sources[0].founded = 1999.5;
      p.sources[0].languages = ['ar', 'Arabic'];
      p.reports[0].relays[0].how = 'copies';
      p.reports[0].links[0].type = 'mentions';
      p.reports[0].claims = [{ subject: 's', text: 't', qualifier: 'loads', quantity: '12' }];
      p.updateInterval = 0.5;
    });
    expect(l).toEqual([
      expect.stringMatching(/^\$\.reports\[0\]\.claims\[0\]\.qualifier: must be one of "exact", .*; got "loads"$/),
      '$.reports[0].claims[0].quantity: expected a number, got a string ("12")',
      expect.stringMatching(/^\$\.reports\[0\]\.links\[0\]\.type: must be one of "republishes", "cites", "same-story"; got "mentions"$/),
      expect.stringMatching(/^\$\.reports\[0\]\.relays\[0\]\.how: must be one of "quotes", .*; got "copies"$/),
      '$.sources[0].founded: must be a whole year',
      expect.stringMatching(/^\$\.sources\[0\]\.languages\[1\]: not a BCP 47 language tag: "Arabic"/),
      expect.stringMatching(/^\$\.sources\[0\]\.type: must be one of "wire", .*; got "podcast"$/),
      '$.updateInterval: must be at least 1 hour',
    ]);
    const p = pack();
    p.updateInterval = 1;
    expect(validatePack(p).ok).toBe(true);
  });

  it('domains: bare lower-case host names', () => {
    const l = problemsAfter((p) => (p.sources[0].domains = ['alpha.example', 'https://alpha.example/', 'Alpha.example', 'localhost', 'a..b']));
    expect(l.map((x) => x.split(':')[0])).toEqual(['$.sources[0].domains[1]', '$.sources[0].domains[2]', '$.sources[0].domains[3]', '$.sources[0].domains[4]']);
  });

  it('fingerprints: shape', () => {
    const l = problemsAfter((p) => (p.reports[0].fingerprint = { minhash: [1, -2, 2 ** 32, 1.5], simhash: 'ABCDEF0123456789', terms: { ok: 1, bad: -1, worse: 'x' } }));
    expect(l).toEqual([
      '$.reports[0].fingerprint.minhash: must have exactly 64 values; got 4',
      '$.reports[0].fingerprint.minhash[1]: must be ≥ 0',
      '$.reports[0].fingerprint.minhash[2]: must be < 2^32',
      '$.reports[0].fingerprint.minhash[3]: must be an integer',
      '$.reports[0].fingerprint.simhash: must be 16 lower-case hex digits; got "ABCDEF0123456789"',
      '$.reports[0].fingerprint.terms.bad: must be ≥ 0',
      '$.reports[0].fingerprint.terms.worse: expected a number, got a string ("x")',
    ]);
    const p = pack();
    p.reports[0].fingerprint = fingerprintText('A report text of some length, written for this test, with a few words.');
    expect(lines(validatePack(p))).toEqual([]);
  });

  it('topics are checked with compileProfile', () => {
    const good = { id: 'boko-haram', label: 'Boko Haram', languages: { '*': { names: ['Boko Haram'] } } };
    const p = pack();
    p.topics = [good];
    expect(lines(validatePack(p))).toEqual([]);
    const l = problemsAfter((q) => (q.topics = [good, { ...good, label: 'Again' }, { id: 'x', label: 'X', languages: { en: { names: [{ term: 'a', pattern: '(a)' }] } } }, 'nope']));
    expect(l).toEqual([
      '$.topics[1].id: duplicate topic id "boko-haram" (also at $.topics[0])',
      expect.stringMatching(/^\$\.topics\[2\]: invalid topic profile: .*use non-capturing groups/),
      '$.topics[3]: invalid topic profile: profile: expected an object',
    ]);
  });

  it('refuses values nested too deeply, even in unknown fields', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const l = problemsAfter((p) => (p.reports[1].future = deep));
    expect(l).toHaveLength(1);
    expect(l[0]).toMatch(/^\$\.reports\[1\]\.future(\[0\])+: nested too deeply \(more than 64 levels\)$/);
  });
});

describe('validatePack: references', () => {
  it('report and relay sources must be in the pack; a relay may name no source', () => {
    const l = problemsAfter((p) => {
      p.reports[0].sourceId = 'gamma';
      p.reports[0].relays[0].sourceId = 'delta';
    });
    expect(l).toEqual([
      '$.reports[0].relays[0].sourceId: unknown source "delta": no source in this pack has this id (use null for an outlet without a profile)',
      '$.reports[0].sourceId: unknown source "gamma": no source in this pack has this id',
    ]);
  });

  it('links: to itself is an error; to a report outside the pack is a warning', () => {
    expect(problemsAfter((p) => (p.reports[0].links[0].reportId = 'a1'))).toEqual(['$.reports[0].links[0].reportId: a report cannot link to itself']);
    const p = pack();
    p.reports[0].links.push({ type: 'cites', reportId: 'elsewhere' });
    const r = validatePack(p);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([{ path: '$.reports[0].links[1].reportId', message: expect.stringMatching(/^report "elsewhere" is not in this pack/) }]);
  });

  it('warns about an outlet domain claimed twice and a report relaying its own outlet', () => {
    const p = pack();
    p.sources[1].domains.push('alpha.example');
    p.reports[1].relays = [{ sourceId: 'beta', name: 'Beta', how: 'cites' }];
    const r = validatePack(p);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.path)).toEqual(['$.reports[1].relays[0].sourceId', '$.sources[1].domains[2]']);
  });

  it('lists every problem, in document order, and caps the list', () => {
    const p = pack();
    const r = { id: '', title: 'T', sourceId: 'nobody', lang: 'en', summary: 'S.', tags: [] };
    p.reports = Array.from({ length: MAX_PROBLEMS + 10 }, (_, i) => ({ ...r, id: `r${i}` }));
    const l = lines(validatePack(p));
    expect(l).toHaveLength(MAX_PROBLEMS + 1);
    expect(l[0]).toBe('$.reports[0].sourceId: unknown source "nobody": no source in this pack has this id');
    expect(l[9]).toMatch(/^\$\.reports\[9\]\./);
    expect(l[10]).toMatch(/^\$\.reports\[10\]\./);
    expect(l.at(-1)).toBe('$: …and 10 more problems not listed');
  });
});

describe('parsePackText', () => {
  it('parses and validates; ignores a byte-order mark', () => {
    const text = serializePack(pack());
    expect(parsePackText(text).ok).toBe(true);
    expect(parsePackText('\uFEFF' + text).ok).toBe(true);
  });

  it('reports invalid JSON with its line and column', () => {
    expect(lines(parsePackText('{\n  "id": "x",\n  "name": x\n}'))).toEqual([
      "$: invalid JSON at line 3, column 11 (character 25): Unexpected token 'x'",
    ]);
    expect(lines(parsePackText('{"a": [1, 2}'))[0]).toMatch(/^\$: invalid JSON at line 1, column 12 \(character 11\): /);
    expect(lines(parsePackText('{"a": 1'))[0]).toMatch(/^\$: invalid JSON at the end of the text: /);
    expect(lines(parsePackText(''))[0]).toMatch(/^\$: invalid JSON at the end of the text: /);
  });

  it('refuses a text over the size limit before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const big = '{"x":"' + 'a'.repeat(MAX_PACK_BYTES) + '"}';
      const r = parsePackText(big);
      expect(lines(r)).toEqual([expect.stringMatching(/^\$: pack is too large: at least 52,428,808 bytes \(50 MiB\); the limit is 52,428,800 bytes \(50 MiB\)$/)]);
      expect(parse).not.toHaveBeenCalled(); // refused before parsing: its cost is in bench:hot-paths
      // Counted in UTF-8 bytes: 600 Arabic letters are 1,200 bytes.
      expect(lines(parsePackText(JSON.stringify('ب'.repeat(600)), { maxBytes: 1_000 }))[0]).toMatch(/too large/);
      expect(parse).not.toHaveBeenCalled();
      expect(lines(parsePackText(JSON.stringify('b'.repeat(600)), { maxBytes: 1_000 }))[0]).toMatch(/expected a pack object/);
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('helpers', () => {
  it('utf8Length counts UTF-8 bytes and stops early past a limit', () => {
    for (const s of ['', 'abc', 'é', 'داعش', '😀', 'a\uD800b', 'mixed é 😀 ب']) expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    expect(utf8Length('x'.repeat(1000), 10)).toBe(11);
  });

  it('jsonErrorOffset finds the first syntax error', () => {
    expect(jsonErrorOffset('{"a": [1, 2,, 3]}')).toBe(12);
    expect(jsonErrorOffset('{"a": "\\q"}')).toBe(8);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('[1, 2]')).toBeNull();
    expect(parseJson('[1, 2]')).toEqual({ ok: true, value: [1, 2] });
  });

  it('compareVersions orders pack versions', () => {
    expect(compareVersions('1.10.0', '1.9.2')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('2.0.0-beta', '2.0.0')).toBeLessThan(0);
    expect(compareVersions('2.0.0+build.5', '2.0.0')).toBe(0);
    expect(compareVersions('0.9', '1')).toBeLessThan(0);
  });
});
