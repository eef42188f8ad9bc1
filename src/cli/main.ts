/**
 * `provenance` command line: runs the same core as the extension, outside the browser.
 * Each command lives in its own module; this file only dispatches.
 */
import { ANALYZE_USAGE, analyzeCommand } from './analyze';
import { EXPLAIN_USAGE, explainCommand } from './explain';
import { PACK_USAGE, packCommand } from './pack';

type Command = { usage: string; run: (args: string[]) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  analyze: { usage: ANALYZE_USAGE, run: analyzeCommand },
  explain: { usage: EXPLAIN_USAGE, run: explainCommand },
  pack: { usage: PACK_USAGE, run: packCommand },
};
const ALIASES: Record<string, string> = { analyse: 'analyze' };

function usage(): string {
  return `Usage:\n${Object.values(COMMANDS).map((c) => c.usage).join('\n')}\n  provenance --help                       show this help`;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '-h' || cmd === '--help') {
    process.stdout.write(usage() + '\n');
    return cmd ? 0 : 2;
  }
  const command = COMMANDS[ALIASES[cmd] ?? cmd];
  if (!command) {
    process.stderr.write(`provenance: unknown command "${cmd}"\n\n${usage()}\n`);
    return 2;
  }
  return command.run(rest);
}

const isMain = process.argv[1] && /cli[\\/]main\.[tj]s$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
