/** Word- and paragraph-level diffs (see diff.ts). */
export * from './diff';
