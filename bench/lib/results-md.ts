/**
 * bench/RESULTS.md is shared by several benchmark scripts: each owns one "## …" section
 * and replaces only that section, keeping the others.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function writeResultsSection(file: string, heading: string, body: string, fileTitle = '# Benchmark results'): void {
  const section = `${heading}\n\n${body.trim()}\n`;
  if (!existsSync(file)) {
    writeFileSync(file, `${fileTitle}\n\n${section}`);
    return;
  }
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === heading.trim());
  if (start < 0) {
    const text = lines.join('\n').replace(/\s*$/, '');
    writeFileSync(file, `${text}\n\n${section}`);
    return;
  }
  let end = start + 1;
  while (end < lines.length && !/^##\s/.test(lines[end])) end++;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  writeFileSync(file, `${before}${before ? '\n' : ''}${section}${after ? '\n' + after : ''}`);
}
