/**
 * `unmn tick FILE.xlsx [--today YYYY-MM-DD] [--outbox DIR] [--user EMAIL] [--dry-run]`: the hourly tick of the
 * add-on on an .xlsx copy: the minutes due, the day's reminders and the retries, each message
 * written as an .eml file into the outbox (next to the file by default) instead of being sent. The
 * workbook is saved with the Log rows and dates the tick wrote, unless --dry-run leaves it as it was.
 * The Log names who ran it (--user, else the account of this computer), and the messages are from
 * --user, else from the Secretariat they name as Reply-To.
 *
 * The file keeps the exactly-once protocol as Sheets does: the tick runs in memory, noting what the
 * workbook held at each flush and which messages went between flushes; then each message's claim
 * (its `Sending` Log row, its dated cells) is saved before its .eml is written, and its confirmation
 * after. A run killed or failing at any point leaves at worst a claim without confirmation, which the
 * next run reports instead of sending again.
 * Exit 0 when the tick ran, 1 when the workbook cannot remember what it sent (no Log tab) or a
 * message could not be written.
 */
import path from 'node:path';
import { describeDelivery } from '../../app/deliver';
import { hourlyTick } from '../../app/tick';
import { EmlOutbox } from '../eml-outbox';
import { MemoryInbox } from '../inbox';
import type { WorkbookPort } from '../../ports';
import { clockFor } from '../playground/ports';
import { parseArguments, printable, todayOption, UsageError, type CliIo } from '../terminal';
import { isEmail } from '../../domain/cells';
import { hostname, userInfo } from 'node:os';
import { XlsxWorkbook } from '../xlsx/workbook';
import { errorText } from '../../domain/errors';

/** Who runs the CLI when no --user is given: this computer's account, as `name@host`. */
function systemAccount(): string {
  return `${userInfo().username}@${hostname()}`;
}

/** What the tick had done in memory when it flushed: the workbook's changes and the messages sent so far. */
interface Flush {
  readonly changes: number;
  readonly messages: number;
}

export const usage = 'unmn tick FILE.xlsx [--today YYYY-MM-DD] [--outbox DIR] [--user EMAIL] [--dry-run]';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments(
    args,
    { today: { type: 'string' }, outbox: { type: 'string' }, user: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    ['FILE.xlsx'],
  );
  const user = values.user?.trim() ?? '';
  if (user !== '' && !isEmail(user)) throw new UsageError(`--user must be an email address, not "${user}"`);
  const actor = user !== '' ? user : systemAccount();
  const today = todayOption(values.today);
  const file = positionals[0] ?? '';
  const dir = values.outbox ?? path.join(path.dirname(file), 'outbox');
  io.progress(`Reading ${file}…`);
  const workbook = await XlsxWorkbook.open(file);
  const clock = clockFor(today);
  const outbox = new EmlOutbox(clock, undefined, user);
  const flushes: Flush[] = [];
  const flush = () => void flushes.push({ changes: workbook.pending(), messages: outbox.messages.length });
  const port: WorkbookPort = new Proxy(workbook, {
    get: (target, name, receiver) => (name === 'flush' ? flush : Reflect.get(target, name, receiver)) as unknown,
  });
  // One process works on the file: nothing else can hold its lock.
  const report = hourlyTick(
    // Nobody answers a consultation in a file of one's own: its inbox starts and stays empty.
    {
      workbook: port,
      clock,
      lock: { withDocumentLock: (fn) => fn() },
      mailer: outbox,
      user: { email: () => actor, owner: () => '' },
      inbox: new MemoryInbox(),
    },
    { anyCaller: true },
  );
  io.progress('Writing the messages…');
  const dryRun = values['dry-run'] === true;
  const steps = dryRun
    ? [{ changes: 0, messages: outbox.messages.length }]
    : [...flushes, { changes: workbook.pending(), messages: outbox.messages.length }];
  const files: string[] = [];
  // The changes as of the flush before the messages about to be written: their claims.
  let claimed = 0;
  let saved = 0;
  let failure: string | null = null;
  for (const step of steps) {
    if (step.messages > files.length) {
      if (claimed > saved) await workbook.save(file, claimed - saved);
      saved = Math.max(saved, claimed);
      try {
        files.push(...(await outbox.write(dir, files.length, step.messages)));
      } catch (error) {
        failure = `${dir}: cannot write message ${files.length + 1} (${errorText(error)})`;
        break;
      }
    }
    claimed = step.changes;
  }
  if (failure === null && claimed > saved) {
    await workbook.save(file, claimed - saved);
    saved = claimed;
  }
  io.progress('');
  io.out(io.color.bold(`Hourly tick of ${file} on ${today}`));
  // A dry run sent nothing: its lines say what would go out.
  for (const line of describeDelivery(report))
    io.out(`  ${printable(dryRun ? line.replace(/^Sent: /, 'Would send: ') : line)}`);
  if (files.length > 0) {
    io.out(`Wrote ${files.length} message${files.length === 1 ? '' : 's'} to ${dir}:`);
    for (const f of files) io.out(`  ${printable(path.basename(f))}`);
  }
  if (failure !== null) {
    io.err(
      `unmn tick: ${printable(failure)}; the Log holds its claim unconfirmed, and the next run reports it instead of sending it again.`,
    );
    return 1;
  }
  if (dryRun) io.out(`--dry-run: ${file} is left as it was.`);
  else if (saved > 0) io.out(`Saved ${file}.`);
  return report.problem === '' ? 0 : 1;
}
