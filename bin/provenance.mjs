#!/usr/bin/env node
// Entry point of `npx provenance`: runs the CLI from a cached JavaScript bundle of the sources
// (src/cli/bundle.mjs: built on first use, rebuilt when a source changes; starts in ~0.1 s),
// or, when it cannot be built or PROVENANCE_CLI_BUNDLE=0, the TypeScript through tsx's loader.
import { tuneV8 } from '../src/cli/v8-flags.mjs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { cliBundle } from '../src/cli/bundle.mjs';

// V8 settings for the worker threads, before anything else runs (src/cli/v8-flags.mjs).
tuneV8();

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = process.env.PROVENANCE_CLI_BUNDLE === '0' ? null : await cliBundle({ root }).catch(() => null);
let main;
if (bundle) ({ main } = await import(pathToFileURL(bundle.files.main).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href));
}
const code = await main(process.argv.slice(2));
process.exitCode = code;
