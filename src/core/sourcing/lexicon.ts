/**
 * Word lists of the attribution grammar, one module per language: lexicon-en.ts (with the
 * sets shared by English and French), lexicon-fr.ts, lexicon-ar.ts.
 */
export * from './lexicon-en';
export * from './lexicon-fr';
export * from './lexicon-ar';
