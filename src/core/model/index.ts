/**
 * The domain model: every shape the core, the extension and the CLI share, and every list of
 * kinds declared once (`as const` arrays with the type derived from them). Types and
 * constants only; imports nothing outside this folder. See README.md.
 */
export * from './lang';
export * from './outlet';
export * from './sourcing';
export * from './claims';
export * from './report';
export * from './topic';
export * from './page';
export * from './pack';
export * from './highlight';
