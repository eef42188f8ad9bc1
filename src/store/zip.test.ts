/** The notes export's zip writer: fflate (an independent reader) gets every file back. */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { zipTexts } from './zip';

describe('zipTexts', () => {
  it('writes files any zip reader gets back, names and texts in UTF-8', async () => {
    const files = {
      'notes/one.md': '# One\n\nA line.\n',
      'notes/عربي.md': 'نص عربي قصير'.repeat(50),
      'empty.md': '',
    };
    const zip = await zipTexts(files, new Date(2024, 4, 6, 13, 14, 16));
    const back = unzipSync(zip);
    expect(Object.keys(back).sort()).toEqual(Object.keys(files).sort());
    for (const [name, text] of Object.entries(files)) expect(strFromU8(back[name])).toBe(text);
    // Repeated text is deflated, not stored.
    expect(zip.length).toBeLessThan(new TextEncoder().encode(files['notes/عربي.md']).length);
  });

  it('an empty archive is the end record alone', async () => {
    const zip = await zipTexts({}, new Date(2024, 0, 1));
    expect(zip.length).toBe(22);
    expect(unzipSync(zip)).toEqual({});
  });
});
