// writeWhole: a file is replaced whole, and a write that fails leaves the old file and no temporary file.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeWhole } from './write-whole';

describe('writeWhole', () => {
  it('replaces an existing file with the new text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'provenance-ww-'));
    const file = path.join(dir, 'pack.json');
    writeFileSync(file, 'old');
    await writeWhole(file, '{"new":true}');
    expect(readFileSync(file, 'utf8')).toBe('{"new":true}');
    expect(readdirSync(dir)).toEqual(['pack.json']);
  });

  it('fails when the target cannot be replaced, leaving what was there and no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'provenance-ww-'));
    const target = path.join(dir, 'taken');
    mkdirSync(target); // a directory where the file should go: the rename fails
    writeFileSync(path.join(target, 'inside.txt'), 'kept');
    await expect(writeWhole(target, 'text')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('kept');
    await expect(writeWhole(path.join(dir, 'missing', 'pack.json'), 'text')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
