/**
 * `analyze --jsonl` tasks hand back their record as JSON Lines bytes: exactly the UTF-8 of
 * the record's JSON (Arabic text included) plus a newline, with only `file` and `error` kept
 * as an object; errors come back the same way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runTask } from './task';

const page = (f: string) => ({ kind: 'html' as const, label: f, html: readFileSync(`public/demo/${f}`, 'utf8'), url: `https://news.example/${f}` });

describe('jsonl tasks', () => {
  it('gives the bytes of the full record, Arabic and English pages alike', () => {
    for (const f of ['detainees-transfer-ar.html', 'mosul-it-experts.html']) {
      const full = runTask({ id: 3, mode: 'analyze', item: page(f) });
      const bytes = runTask({ id: 3, mode: 'analyze', item: page(f), jsonl: true });
      expect(full.line).toBeUndefined();
      expect(bytes.id).toBe(3);
      expect(Buffer.from(bytes.line!).toString('utf8')).toBe(JSON.stringify(full.record) + '\n');
      expect(bytes.record).toEqual({ file: f });
      // Its own buffer, not a view of a shared pool: it can be transferred to another thread.
      expect(bytes.line!.byteOffset).toBe(0);
      expect(bytes.line!.buffer.byteLength).toBe(bytes.line!.byteLength);
    }
  });

  it('keeps the error of a failed input', () => {
    const r = runTask({ id: 0, mode: 'analyze', item: { kind: 'file', label: 'gone.html', file: '/nonexistent/gone.html' }, jsonl: true });
    expect(r.record).toEqual({ file: 'gone.html', error: 'no such file or directory' });
    expect(Buffer.from(r.line!).toString('utf8')).toBe('{"file":"gone.html","error":"no such file or directory"}\n');
  });
});
