/**
 * Writes a file whole or not at all: the text goes to a temporary file beside the target,
 * then is renamed over it, so a reader never sees a half-written pack (and a failed write
 * leaves the old file as it was and no temporary file behind).
 */
import { rename, unlink, writeFile } from 'node:fs/promises';

export async function writeWhole(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
