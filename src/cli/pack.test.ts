import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintText } from '../core/packs/fingerprint';
import { MAX_PACK_BYTES } from '../core/packs/limits';
import { parsePackText } from '../core/packs/validate';
import { cli, REPO } from '../../tests/lib/cli';

const repo = REPO;
const BROKEN = path.join(repo, 'src/core/packs/fixtures/broken-pack.json');


const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'prov-pack-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every problem the broken fixture must produce: its path, and what the message says. */
const EXPECTED: [string, RegExp][] = [
  ['$.description', /^expected a string, got a number \(42\)$/],
  ['$.homepage', /^URL scheme "javascript:" is not allowed/],
  ['$.id', /^invalid pack id "Broken Pack!"/],
  ['$.name', /^must not be empty$/],
  ['$.publisher', /^required field is missing$/],
  ['$.reports[0].url', /^URL scheme "javascript:" is not allowed/],
  ['$.reports[1].id', /^duplicate report id "r0" \(also at \$\.reports\[0\]\)$/],
  ['$.reports[1].links[0].reportId', /^a report cannot link to itself$/],
  ['$.reports[1].relays[0].how', /^must be one of "quotes", "republishes", "cites", "interview"; got "copies"$/],
  ['$.reports[1].relays[0].sourceId', /^unknown source "ghost"/],
  ['$.reports[1].sourceId', /^unknown source "no-such-outlet"/],
  ['$.reports[2].canonicalUrl', /^not an absolute URL: "not a url"$/],
  ['$.reports[2].copies[0]', /^URL scheme "ftp:" is not allowed/],
  ['$.reports[2].lang', /^not a BCP 47 language tag: "english"/],
  ['$.reports[2].published', /^not a valid ISO 8601 date: "last Tuesday"/],
  ['$.reports[2].summary', /^required field is missing$/],
  ['$.reports[2].tags', /^expected an array, got a string/],
  ['$.reports[2].title', /^too long: 2,001 characters; at most 2,000$/],
  ['$.reports[3].claims[0].date', /^not a valid ISO 8601 date: "2016-02-30"/],
  ['$.reports[3].claims[0].qualifier', /^must be one of .*; got "loads"$/],
  ['$.reports[3].claims[0].quantity', /^expected a number, got a string/],
  ['$.reports[3].claims[0].subject', /^must not be empty$/],
  ['$.reports[3].entities.people', /^expected an array, got a string/],
  ['$.reports[3].fingerprint.minhash', /^must have exactly 64 values; got 3$/],
  ['$.reports[3].fingerprint.simhash', /^must be 16 lower-case hex digits; got "XYZ"$/],
  ['$.reports[3].fingerprint.terms.word', /^must be ≥ 0$/],
  ['$.reports[3].titleIsDescriptive', /^expected true or false, got a string/],
  ['$.reports[4].authors[0]', /^expected a string, got a number \(5\)$/],
  ['$.reports[4].links[0].reportId', /^required field is missing$/],
  ['$.reports[4].published', /^not a valid ISO 8601 date: "2016-04-28T10:00:00"/],
  ['$.reports[4].relays[0].sourceId', /^required field is missing$/],
  [`$.reports[5].extra${'[0]'.repeat(61)}`, /^nested too deeply \(more than 64 levels\)$/],
  ['$.reports[7]', /^expected an object, got a number \(7\)$/],
  ['$.sources[1].country', /^required field is missing$/],
  ['$.sources[1].domains[0]', /^not a bare lower-case host name: "https:\/\/www\.example\.com\/path"/],
  ['$.sources[1].founded', /^must be a whole year$/],
  ['$.sources[1].id', /^duplicate source id "wire-one" \(also at \$\.sources\[0\]\)$/],
  ['$.sources[1].languages[0]', /^not a BCP 47 language tag: "English"/],
  ['$.sources[1].links[0]', /^URL scheme "data:" is not allowed/],
  ['$.sources[1].type', /^must be one of .*; got "podcast"$/],
  ['$.sources[2].aliases', /^too many items: 1,001; at most 1,000$/],
  ['$.sources[2].id', /^invalid source id "UPPER"/],
  ['$.sources[2].links[0]', /^URL scheme "file:" is not allowed/],
  ['$.sources[2].notes', /^too long: 20,001 characters; at most 20,000$/],
  ['$.sources[3]', /^expected an object, got a string/],
  ['$.topics[0]', /^invalid topic profile: .*"id" must be a kebab-case string/],
  ['$.topics[2].id', /^duplicate topic id "good-topic" \(also at \$\.topics\[1\]\)$/],
  ['$.updateInterval', /^must be at least 1 hour$/],
  ['$.updated', /^not a valid ISO 8601 date: "2024-13-01"/],
  ['$.version', /^invalid version "v1"/],
];

describe('provenance pack validate', () => {
  it('lists every problem of the broken fixture, one per line, with its JSON path', async () => {
    const { code, stdout, stderr } = await cli(['pack', 'validate', BROKEN]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    const found = lines.map((l) => {
      const at = l.indexOf(': ');
      return [l.slice(0, at), l.slice(at + 2)] as const;
    });
    expect(found.map(([p]) => p)).toEqual(EXPECTED.map(([p]) => p));
    found.forEach(([p, message], i) => expect(message, p).toMatch(EXPECTED[i][1]));
    expect(stderr).toContain(`not a valid pack (${EXPECTED.length} problems)`);
    // Warnings go to stderr and do not count as problems.
    expect(stderr).toMatch(/^warning: \$\.reports\[0\]\.links\[0\]\.reportId: report "in-another-pack" is not in this pack/m);
    expect(stderr).toMatch(/^warning: \$\.reports\[6\]\.relays\[0\]\.sourceId: the report relays its own outlet/m);
    expect(stderr).toMatch(/^warning: \$\.sources\[2\]\.domains\[0\]: domain "wire\.example" is also claimed by source "wire-one"/m);
    // XSS payloads are fine as text (titles, names, notes, summaries, keywords), and unknown fields pass.
    for (const p of ['$.reports[0].title', '$.reports[0].summary', '$.reports[0].keywords', '$.sources[0]', '$.reports[0].futureField', '$.x-future-header']) {
      expect(lines.some((l) => l.startsWith(p + ':') || l.startsWith(p + '.')), p).toBe(false);
    }
  }, 60_000);

  it('the fixture is valid once its problems are fixed (nothing else is wrong with it)', () => {
    const p = JSON.parse(readFileSync(BROKEN, 'utf8'));
    expect(parsePackText(JSON.stringify(p)).ok).toBe(false);
    // Remove the deliberately broken parts and the rest validates, unknown fields and XSS text included.
    Object.assign(p, { id: 'broken-pack', name: 'Fixed', version: '1.0.0', publisher: 'Tests', updated: '2024-01-13', homepage: 'https://example.org/' });
    delete p.description;
    delete p.updateInterval;
    p.topics = [p.topics[1]];
    p.sources = [p.sources[0]];
    delete p.reports[0].url;
    p.reports = [p.reports[0], p.reports[6]];
    const r = parsePackText(JSON.stringify(p));
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(r.ok && r.pack.reports[0].title).toBe('<img src=x onerror=alert(1)>');
  });

  it('prints a summary for a valid pack', async () => {
    const { code, stdout } = await cli(['pack', 'validate', 'src/packs/default/pack.json']);
    expect(code).toBe(0);
    expect(stdout).toBe('valid: 5 reports, 240 sources\n');
  }, 60_000);

  it('refuses an unknown major version, invalid JSON and oversized files (the latter without reading them)', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'v2.json'), JSON.stringify({ format: 'provenance-pack/2', anything: true }));
    writeFileSync(path.join(dir, 'bad.json'), '{\n  "format": "provenance-pack/1",\n  "id": oops\n}');
    writeFileSync(path.join(dir, 'huge.json'), Buffer.alloc(MAX_PACK_BYTES + 1, 0x20));
    const v2 = await cli(['pack', 'validate', 'v2.json'], dir);
    expect(v2.code).toBe(1);
    expect(v2.stdout).toBe('$.format: unsupported pack format "provenance-pack/2": this version of Provenance reads provenance-pack/1\n');
    const bad = await cli(['pack', 'validate', 'bad.json'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^\$: invalid JSON at line 3, column 9 \(character 43\): /);
    const huge = await cli(['pack', 'validate', 'huge.json'], dir);
    expect(huge.code).toBe(1);
    expect(huge.stdout).toBe('$: pack is too large: 52,428,801 bytes (50 MiB); the limit is 52,428,800 bytes (50 MiB)\n');
    const missing = await cli(['pack', 'validate', 'missing.json'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.json: no such file/);
    expect((await cli(['pack', 'validate'], dir)).code).toBe(2);
    expect((await cli(['pack', 'frobnicate'], dir)).code).toBe(2);
  }, 60_000);
});

describe('provenance pack build', () => {
  const TEXT = 'A report text written for this test about a flood in a river valley, the evacuation of two villages and the damage to farms.';

  function folder(): string {
    const dir = tmp();
    mkdirSync(path.join(dir, 'src', 'reports'), { recursive: true });
    mkdirSync(path.join(dir, 'src', 'topics'), { recursive: true });
    const w = (f: string, v: unknown) => writeFileSync(path.join(dir, 'src', f), typeof v === 'string' ? v : JSON.stringify(v, null, 2));
    w('pack.json', { format: 'provenance-pack/1', id: 'floods', name: 'Floods', version: '1.0.0', publisher: 'Tests', updated: '2024-03-01', updateInterval: 12 });
    w('sources.json', [{ id: 'valley-news', name: 'Valley News', domains: ['valley.example'], type: 'regional', country: 'AT', languages: ['de'], notes: 'Local.' }]);
    w('reports/flood.json', { id: 'flood', title: 'Flood', sourceId: 'valley-news', lang: 'en', summary: 'Two villages evacuated.', tags: ['flood'] });
    w('reports/flood.txt', TEXT);
    w('reports/dry.json', { id: 'dry', title: 'Dry', sourceId: 'valley-news', lang: 'en', summary: 'No rain.', tags: [], links: [{ type: 'same-story', reportId: 'flood' }] });
    w('topics/floods.json', { id: 'floods', label: 'Floods', languages: { en: { names: ['flood', 'flooding'] } } });
    return dir;
  }

  it('builds a valid pack with fingerprints and without texts; --include-text copies them', async () => {
    const dir = folder();
    const r = await cli(['pack', 'build', 'src', '-o', 'out.json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^built out\.json: 2 reports \(1 fingerprinted\), 1 source, 1 topic; [\d,]+ bytes\n$/);
    const text = readFileSync(path.join(dir, 'out.json'), 'utf8');
    const v = parsePackText(text);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    expect(v.pack.reports.map((x) => x.id)).toEqual(['dry', 'flood']);
    expect(v.pack.reports[1].fingerprint).toEqual(fingerprintText(TEXT, 'en'));
    expect(v.pack.reports[1].text).toBeUndefined();
    expect(text).not.toContain('evacuation of two villages');
    expect(v.pack.topics?.[0].id).toBe('floods');
    expect(v.pack.updateInterval).toBe(12);
    expect((await cli(['pack', 'validate', 'out.json'], dir)).stdout).toBe('valid: 2 reports, 1 source, 1 topic\n');

    expect((await cli(['pack', 'build', 'src', '-o', 'with-text.json', '--include-text'], dir)).code).toBe(0);
    const withText = JSON.parse(readFileSync(path.join(dir, 'with-text.json'), 'utf8'));
    expect(withText.reports[1].text).toBe(TEXT);
  }, 60_000);

  it('refuses to write an invalid pack and names the file of each problem', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'src', 'reports', 'dry.json'), JSON.stringify({ id: 'dry', title: 'Dry', sourceId: 'nobody', lang: 'en', summary: 'x', tags: [], url: 'javascript:alert(1)' }));
    writeFileSync(path.join(dir, 'src', 'reports', 'wet.json'), '{ "id": "wet", }');
    writeFileSync(path.join(dir, 'src', 'reports', 'orphan.txt'), 'text without a record');
    const r = await cli(['pack', 'build', 'src', '-o', 'out.json'], dir);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(dir, 'out.json'))).toBe(false);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      'reports/orphan.txt: $: text without a record: add reports/orphan.json',
      expect.stringMatching(/^reports\/wet\.json: \$: invalid JSON at line 1, column 16 \(character 15\): /),
      'reports/dry.json: $.sourceId: unknown source "nobody": no source in this pack has this id',
      'reports/dry.json: $.url: URL scheme "javascript:" is not allowed: only http: and https: URLs',
    ]);
    expect(r.stderr).toMatch(/src: 4 problems; nothing written/);
  }, 60_000);

  it('usage errors', async () => {
    const dir = folder();
    expect((await cli(['pack', 'build', 'src'], dir)).code).toBe(2);
    expect((await cli(['pack', 'build', '-o', 'x.json'], dir)).code).toBe(2);
    expect((await cli(['pack', 'build', 'src', '-o', 'x.json', '--frob'], dir)).code).toBe(2);
    const notDir = await cli(['pack', 'build', 'nope', '-o', 'x.json'], dir);
    expect(notDir.code).toBe(1);
    expect(notDir.stderr).toMatch(/nope: not a folder/);
  }, 60_000);
});
