// Unit tests of the one hostOf / outletForHost used by worker, store, sourcing, library, exports and CLI.
import { describe, expect, it } from 'vitest';
import { domainCandidates, hostOf, normalizeHost, outletForHost, outletResolver } from './host';

describe('hostOf', () => {
  it('lower-cases, drops www. and the port, and gives null for what has no host', () => {
    expect(hostOf('https://WWW.Example.COM/a?b#c')).toBe('example.com');
    expect(hostOf('http://127.0.0.1:8123/demo/x.html')).toBe('127.0.0.1');
    expect(hostOf('https://news.BBC.co.uk./x')).toBe('news.bbc.co.uk');
    expect(hostOf('https://www2.example.org/')).toBe('www2.example.org');
    expect(hostOf(null)).toBeNull();
    expect(hostOf('')).toBeNull();
    expect(hostOf('not a url')).toBeNull();
    expect(hostOf('file:///tmp/page.html')).toBeNull();
  });
  it('normalizeHost treats hosts typed by hand the same way', () => {
    expect(normalizeHost(' WWW.Example.com:8080 ')).toBe('example.com');
    expect(domainCandidates('Edition.CNN.com')).toEqual(['edition.cnn.com', 'cnn.com']);
    expect(domainCandidates('localhost')).toEqual([]);
  });
});

describe('outletForHost', () => {
  const outlets = [
    { id: 'bbc', domains: ['bbc.co.uk'] },
    { id: 'bbc-news', domains: ['news.bbc.co.uk'] },
    { id: 'cnn', domains: ['CNN.com', 'www.cnnarabic.com'] },
    { id: 'cnn-dup', domains: ['cnn.com'] },
  ];
  it('takes the most specific listed domain, subdomains match, case and www do not matter', () => {
    expect(outletForHost(outlets, 'news.bbc.co.uk')?.id).toBe('bbc-news');
    expect(outletForHost(outlets, 'sport.bbc.co.uk')?.id).toBe('bbc');
    expect(outletForHost(outlets, 'edition.cnn.com')?.id).toBe('cnn');
    expect(outletForHost(outlets, 'WWW.CNNArabic.com')?.id).toBe('cnn');
    expect(outletForHost(outlets, hostOf('https://www.cnn.com/x'))?.id).toBe('cnn'); // first listed wins a tie
  });
  it('finds nothing for unknown hosts, a bare TLD or no host', () => {
    expect(outletForHost(outlets, 'example.com')).toBeNull();
    expect(outletForHost(outlets, 'uk')).toBeNull();
    expect(outletForHost(outlets, null)).toBeNull();
    expect(outletForHost([{ domains: undefined }], 'a.b')).toBeNull();
  });
  it('outletResolver answers the same for many hosts', () => {
    const r = outletResolver(outlets);
    for (const h of ['news.bbc.co.uk', 'a.bbc.co.uk', 'cnn.com', 'nope.example']) expect(r(h)).toBe(outletForHost(outlets, h));
  });
});
