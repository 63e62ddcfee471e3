/**
 * `npm start -- [--workbook FILE.xlsx] [--port N] [--user EMAIL] [--today YYYY-MM-DD] [--keep] [--lang en|ru]`:
 * checks everything it can before it listens, so that a wrong file, port or user is one line and
 * exit code 2 (cannot run, as for `unmn`), never a stack trace. Its language is `--lang`, else the
 * workbook's Settings row `Language`, as for `unmn`.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readGrids } from '../../app/network';
import { isEmail } from '../../domain/cells';
import { dayOfDate, isIsoDay } from '../../domain/dates';
import { decodeNetwork, type Network } from '../../domain/network';
import { emailKey } from '../../domain/words';
import { claimOutbox, clearOutbox, OutboxFolderError } from '../outbox';
import { WorkbookFileError, XlsxWorkbook } from '../xlsx/workbook';
import { FileLockError, lockWorkingFile } from './file-lock';
import { PlaygroundError, startPlayground, type RunningPlayground } from './server';
import { defaultUser, knownUsers } from './users';
import { errorText } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { takeLanguage } from '../language-option';

export interface PlaygroundIo {
  out(line: string): void;
  err(line: string): void;
}

export interface Started {
  readonly code: number;
  readonly running?: RunningPlayground;
}

/** The repository: the folder above this file that holds package.json. */
export function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return from;
    dir = up;
  }
  return dir;
}

/** What stops the playground before it starts: one line, and exit code 2. */
class BadInput extends Error {}

/** The exit code when the playground cannot run, the same as `unmn`'s. */
const CANNOT_RUN = 2;

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        workbook: { type: 'string' },
        port: { type: 'string', default: '8080' },
        user: { type: 'string' },
        today: { type: 'string' },
        keep: { type: 'boolean', default: false },
        outbox: { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (error) {
    throw new BadInput(
      t('playground.start.bad-option', { error: errorText(error).split('\n')[0], usage: t('playground.usage') }),
    );
  }
}

interface WorkingFile {
  readonly file: string;
  readonly label: string;
  /** The shipped example, to be copied over file once the file is locked: a fresh start. */
  readonly copyOf?: string;
}

/** The working file: the user's own in place, or a copy of the shipped example (which stays as shipped). */
async function workingFile(root: string, given: string | undefined, keep: boolean): Promise<WorkingFile> {
  if (given !== undefined) return { file: path.resolve(given), label: given };
  const example = path.join(root, 'examples', 'uzbekistan.xlsx');
  const file = path.join(root, '.playground', 'workbook.xlsx');
  const shown = path.relative(process.cwd(), file) || file;
  if (keep && existsSync(file)) return { file, label: t('playground.start.kept', { file: shown }) };
  if (!existsSync(example)) throw new BadInput(t('playground.start.no-example', { file: example }));
  await mkdir(path.dirname(file), { recursive: true });
  return { file, label: t('playground.start.copy', { file: shown }), copyOf: example };
}

function actingUser(network: Network, today: string, label: string, given: string | undefined): string {
  const users = knownUsers(network, today);
  if (given !== undefined) {
    const user = emailKey(given);
    const known = users.some((u) => u.email === user);
    if (!known && (users.length > 0 || !isEmail(user))) {
      throw new BadInput(t('playground.start.unknown-user', { user: given, workbook: label }));
    }
    return user;
  }
  const fallback = defaultUser(network, today);
  if (fallback === undefined) throw new BadInput(t('playground.start.no-user', { workbook: label }));
  return fallback;
}

async function prepare(argv: string[], root: string) {
  const values = options(argv);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port ?? '') || port > 65535)
    throw new BadInput(t('playground.start.bad-port', { port: values.port }));
  if (values.today !== undefined && !isIsoDay(values.today))
    throw new BadInput(t('playground.start.bad-today', { today: values.today }));
  const today = values.today ?? dayOfDate(new Date());
  const outboxDir = path.resolve(values.outbox ?? path.join(root, '.playground', 'outbox'));
  claimOutbox(outboxDir);
  const { file, label, copyOf } = await workingFile(root, values.workbook, values.keep ?? false);
  // Locked before anything is written, so that a second playground on the file changes nothing of the first's.
  const lock = lockWorkingFile(file);
  try {
    if (copyOf !== undefined) {
      await copyFile(copyOf, file);
      clearOutbox(outboxDir);
    }
    let network;
    try {
      network = decodeNetwork(readGrids(await XlsxWorkbook.open(file)));
    } catch (error) {
      if (error instanceof WorkbookFileError) throw new BadInput(error.message);
      throw error;
    }
    const user = actingUser(network, today, label, values.user);
    return { port, today: values.today, file, label, outboxDir, user, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Starts the playground; the code is non-zero when it could not, after one line on err. */
export async function runPlayground(argv: string[], io: PlaygroundIo, root: string): Promise<Started> {
  const { args, refusal } = takeLanguage(argv);
  if (refusal !== null) {
    io.err(refusal);
    return { code: CANNOT_RUN };
  }
  try {
    const p = await prepare(args, root);
    const pagesDir = path.join(root, 'dist');
    const sidebarFile = path.join(pagesDir, 'DecisionSidebar.html');
    if (!existsSync(sidebarFile)) io.err(t('playground.start.no-sidebar', { file: sidebarFile }));
    const running = await startPlayground({ ...p, pagesDir, scriptsDir: path.join(root, 'build', 'browser') });
    io.out(t('playground.start.url', { url: running.url }));
    io.out(t('playground.start.workbook', { workbook: p.label }));
    io.out(
      p.today
        ? t('playground.start.user-today', { user: p.user, today: p.today })
        : t('playground.start.user', { user: p.user }),
    );
    io.out(t('playground.start.stop'));
    return { code: 0, running };
  } catch (error) {
    if (error instanceof BadInput) {
      io.err(error.message);
      return { code: CANNOT_RUN };
    }
    if (
      error instanceof PlaygroundError ||
      error instanceof WorkbookFileError ||
      error instanceof OutboxFolderError ||
      error instanceof FileLockError
    ) {
      io.err(error.message);
      return { code: CANNOT_RUN };
    }
    io.err(t('playground.start.failed', { error: errorText(error).split('\n')[0] }));
    return { code: CANNOT_RUN };
  }
}
