/**
 * `provenance` command line: runs the same core as the extension, outside the browser.
 * Each command lives in its own module; this file only dispatches, loading just the module
 * of the command given (so `analyze` on worker threads never loads the analysis core on
 * the main thread: the workers do).
 */
type Command = { usage: string; run: (args: string[]) => Promise<number> };

const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => {
    const m = await import('./analyze');
    return { usage: m.ANALYZE_USAGE, run: m.analyzeCommand };
  },
  explain: async () => {
    const m = await import('./explain');
    return { usage: m.EXPLAIN_USAGE, run: m.explainCommand };
  },
  pack: async () => {
    const m = await import('./pack');
    return { usage: m.PACK_USAGE, run: m.packCommand };
  },
};
const ALIASES: Record<string, string> = { analyse: 'analyze' };

async function usage(): Promise<string> {
  const all = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return `Usage:\n${all.map((c) => c.usage).join('\n')}\n  provenance --help                       show this help`;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '-h' || cmd === '--help') {
    process.stdout.write((await usage()) + '\n');
    return cmd ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, ALIASES[cmd] ?? cmd) ? COMMANDS[ALIASES[cmd] ?? cmd] : undefined;
  if (!load) {
    process.stderr.write(`provenance: unknown command "${cmd}"\n\n${await usage()}\n`);
    return 2;
  }
  return (await load()).run(rest);
}

const isMain = process.argv[1] && /cli[\\/]main\.[tj]s$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
