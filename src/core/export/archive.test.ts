/** Archived-copy links are built from strings alone: right form, UTC, no request made. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { archiveUrl, versionDate, waybackTimestamp } from './archive';

afterEach(() => vi.unstubAllGlobals());

describe('archiveUrl', () => {
  it('builds the Wayback Machine link of the save time in UTC', () => {
    expect(archiveUrl('https://news.example/a?b=1', Date.UTC(2025, 2, 1, 9, 30, 5))).toBe('https://web.archive.org/web/20250301093005/https://news.example/a?b=1');
    // A date-time with an offset is converted to UTC.
    expect(archiveUrl('https://news.example/a', '2025-03-01T01:00:00+03:00')).toBe('https://web.archive.org/web/20250228220000/https://news.example/a');
    expect(archiveUrl('https://news.example/a', '2025-03-01')).toBe('https://web.archive.org/web/20250301000000/https://news.example/a');
    expect(waybackTimestamp(0)).toBe('19700101000000');
    expect(versionDate(Date.UTC(2025, 0, 2, 23))).toBe('2025-01-02');
  });

  it('gives nothing for non-web addresses or unusable times', () => {
    expect(archiveUrl('javascript:alert(1)', 0)).toBeNull();
    expect(archiveUrl('not a url', 0)).toBeNull();
    expect(archiveUrl('https://news.example/', undefined)).toBeNull();
    expect(archiveUrl('https://news.example/', 'yesterday')).toBeNull();
    expect(archiveUrl('https://news.example/', NaN)).toBeNull();
    expect(archiveUrl('https://news.example/', 1e17)).toBeNull();
  });

  it('makes no request', () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network')));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('XMLHttpRequest', vi.fn());
    for (let i = 0; i < 100; i++) archiveUrl(`https://news.example/${i}`, i * 86_400_000);
    expect(fetch).not.toHaveBeenCalled();
  });
});
