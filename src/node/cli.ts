/**
 * `unmn <command> [args]`: the network's workbook from the command line, on an .xlsx copy. Exit codes,
 * the same for the playground's command line (README, "Exit codes"): 0 done; 1 problems found, where
 * the command says so; 2 cannot run (bad arguments, a file that cannot be read, an unexpected error).
 */
import { setFlagsFromString } from 'node:v8';
import { name as packageName, version } from '../../package.json';
import type { CliName } from '../app/commands';
import { t, type MessageKey } from '../domain/i18n';
import { takeLanguage } from './language-option';
import { endQuietlyOnBrokenPipe, streamIo, UsageError, type CliIo } from './terminal';
import { useSheetWorker } from './xlsx/sheet-thread';
import { WorkbookFileError } from './xlsx/workbook';

interface CommandModule {
  usage(): string;
  run(args: string[], io: CliIo): Promise<number>;
}

interface Command {
  readonly summary: MessageKey;
  /** The command's module, imported only when it runs: a check never loads the packages of the reports or the tick. */
  load(): Promise<CommandModule>;
}

/**
 * The commands in the order `unmn --help` lists them; each module is src/node/commands/<name>.ts.
 * Every `cli` name of the add-on's command table must be here (tsc refuses the table otherwise).
 */
const COMMANDS: { readonly [K in CliName]: Command } & Readonly<Record<string, Command>> = {
  init: { summary: 'cli.summary.init', load: () => import('./commands/init') },
  validate: { summary: 'cli.summary.validate', load: () => import('./commands/validate') },
  check: { summary: 'cli.summary.check', load: () => import('./commands/check') },
  tick: { summary: 'cli.summary.tick', load: () => import('./commands/tick') },
  report: { summary: 'cli.summary.report', load: () => import('./commands/report') },
  meeting: { summary: 'cli.summary.meeting', load: () => import('./commands/meeting') },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    t('cli.help.usage'),
    '',
    t('cli.help.commands'),
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${t(c.summary)}`),
    '',
    t('cli.help.lang'),
    t('cli.help.more'),
  ].join('\n');
}

const HELP = new Set(['--help', '-h']);
const VERSION = new Set(['--version', '-V']);

export async function main(argv: string[], io: CliIo): Promise<number> {
  const { args: rest, refusal } = takeLanguage(argv);
  if (refusal !== null) {
    io.err(refusal);
    return 2;
  }
  const [name, ...args] = rest;
  if (name !== undefined && VERSION.has(name)) {
    io.out(`${packageName} ${version}`);
    return 0;
  }
  if (name === undefined || HELP.has(name) || name === 'help') {
    (name === undefined ? io.err : io.out)(help());
    return name === undefined ? 2 : 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.err(t('cli.error.no-command', { name }));
    io.err(help());
    return 2;
  }
  const command = await entry.load();
  if (args.some((a) => HELP.has(a))) {
    io.out(t('cli.help.command', { usage: command.usage() }));
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    io.progress('');
    if (error instanceof UsageError) {
      io.err(t('cli.error.usage', { command: name, message: error.message, usage: command.usage() }));
      return 2;
    }
    if (error instanceof WorkbookFileError) {
      io.err(`unmn ${name}: ${error.message}`);
      return 2;
    }
    io.err(t('cli.error.unexpected', { command: name }));
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 2;
  }
}

// Only the built bundle (build/cli.mjs, which bin/unmn.mjs loads) runs; tests import the source and call main.
if (import.meta.url.endsWith('/cli.mjs')) {
  // With feedback allocated lazily, V8 compiled the XML parser's loop before it had seen enough of a
  // large file, depending on what the process had loaded before (a piped stderr was enough): `unmn
  // check` at 119,000 rows took 13–16 s instead of 5–6 s.
  setFlagsFromString('--no-lazy-feedback-allocation');
  // V8 let the heap of a short process grow to two or three times what it holds before collecting it:
  // `unmn check` at 157,000 rows held about 130 MiB and peaked at 430 MiB. Growing by 30% at a time
  // keeps it near 290 MiB for about the same time.
  setFlagsFromString('--heap-growing-percent=30');
  // The build puts the worker that reads sheets beside the command (sheet-thread.ts) next to the CLI.
  useSheetWorker(new URL('./sheet-worker.mjs', import.meta.url));
  endQuietlyOnBrokenPipe();
  main(process.argv.slice(2), streamIo()).then((code) => {
    process.exitCode = code;
  });
}
