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
import { describeDelivery, type Delivered, type DeliveryReport } from '../../app/deliver';
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
import { longDay } from '../../domain/dates';
import { t } from '../../domain/i18n';

/** Who runs the CLI when no --user is given: this computer's account, as `name@host`. */
function systemAccount(): string {
  return `${userInfo().username}@${hostname()}`;
}

/** What the tick had done in memory when it flushed: the workbook's changes and the messages sent so far. */
interface Flush {
  readonly changes: number;
  readonly messages: number;
}

export const usage = (): string => t('cli.usage.tick');

/** The line describeDelivery gives one delivery: the same words, in any language, wherever it stands. */
function lineOf(report: DeliveryReport, delivered: Delivered): string | undefined {
  const alone = { ...report, locked: true, problem: '', stoppedTabs: [], stopped: null, blocked: [], unconfirmed: [] };
  return describeDelivery({ ...alone, delivered: [delivered] })[0];
}

/** The report's lines with each message sent said as one that would be: a dry run sent nothing. */
function dryRunLines(report: DeliveryReport): string[] {
  const wouldSend = new Map<string, string>();
  for (const d of report.delivered.filter((x) => x.outcome === 'Sent')) {
    const line = lineOf(report, d);
    const to = d.recipients[0] ?? '';
    if (line !== undefined)
      wouldSend.set(line, t('cli.tick.would-send', { what: d.what, recipients: d.recipients.length, to }));
  }
  return describeDelivery(report).map((line) => wouldSend.get(line) ?? line);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments(
    args,
    { today: { type: 'string' }, outbox: { type: 'string' }, user: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    [t('cli.arg.file')],
  );
  const user = values.user?.trim() ?? '';
  if (user !== '' && !isEmail(user)) throw new UsageError(t('cli.tick.user', { value: user }));
  const actor = user !== '' ? user : systemAccount();
  const today = todayOption(values.today);
  const file = positionals[0] ?? '';
  const dir = values.outbox ?? path.join(path.dirname(file), 'outbox');
  io.progress(t('cli.progress.reading', { file }));
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
  io.progress(t('cli.progress.messages'));
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
        failure = t('cli.tick.cannot-write', { dir, n: files.length + 1, reason: errorText(error) });
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
  io.out(io.color.bold(t('cli.tick.heading', { file, day: longDay(today) })));
  for (const line of dryRun ? dryRunLines(report) : describeDelivery(report)) io.out(`  ${printable(line)}`);
  if (files.length > 0) {
    io.out(t('cli.tick.wrote', { n: files.length, dir }));
    for (const f of files) io.out(`  ${printable(path.basename(f))}`);
  }
  if (failure !== null) {
    io.err(t('cli.tick.unconfirmed', { failure: printable(failure) }));
    return 1;
  }
  if (dryRun) io.out(t('cli.tick.dry-run', { file }));
  else if (saved > 0) io.out(t('cli.tick.saved', { file }));
  return report.problem === '' ? 0 : 1;
}
