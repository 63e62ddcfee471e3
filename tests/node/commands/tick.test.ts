/**
 * `unmn tick` on a copy of the example workbook: --dry-run leaves the file byte for byte as it was and
 * writes .eml files that a mail parser reads back; without it the file keeps the Log rows and dates,
 * so a second run sends nothing again.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readTable } from '../../../src/app/repository';
import { EVENTS } from '../../../src/domain/email/ledger';
import { LogTable, MeetingsTable } from '../../../src/domain/tables';
import { main } from '../../../src/node/cli';
import { EmlOutbox } from '../../../src/node/eml-outbox';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { captureIo } from '../cli-io';

const EXAMPLE = path.resolve(__dirname, '../../../examples/uzbekistan.xlsx');
const TODAY = '2026-11-23';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-tick-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function copy(name: string): Promise<string> {
  const file = path.join(dir, name);
  await copyFile(EXAMPLE, file);
  return file;
}

const digest = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  return (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
}

describe('unmn tick --dry-run', () => {
  it('leaves the file byte for byte as it was and writes .eml files with the recipients, subject and both parts', async () => {
    const file = await copy('dry.xlsx');
    const outbox = path.join(dir, 'dry-outbox');
    const before = await digest(file);
    const io = captureIo();
    expect(await main(['tick', file, '--today', TODAY, '--outbox', outbox, '--dry-run'], io)).toBe(0);
    expect(await digest(file)).toBe(before);
    expect(io.stdout).toContain(`--dry-run: ${file} is left as it was.`);
    // Nothing went anywhere: the report says what would.
    expect(io.stdout.filter((l) => l.trim().startsWith('Would send: '))).toHaveLength(6);
    expect(io.stdout.some((l) => l.trim().startsWith('Sent'))).toBe(false);
    const files = (await readdir(outbox)).sort();
    expect(files).toHaveLength(6);
    const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(outbox, f)))));
    expect(mails.map((m) => addresses(m.to))).toEqual([
      ['rco-uzbekistan@un.org'],
      ['migration.uz@one.un.org'],
      ['rco-uzbekistan@un.org'],
      ['nurlan.abdyldaev@un.org'],
      // The personal address of UNFPA's alternate is held back: Settings name corporate domains.
      ['alimova@unfpa.org'],
      // C-2026-01's deadline passed on 13 November: the tick closes it and tells the network.
      ['migration.uz@one.un.org'],
    ]);
    expect(mails[5]!.subject).toBe(
      'UN Network on Migration in Uzbekistan: written consultation C-2026-01, "The Network\'s comments on the draft State Programme on external labour migration": Agreed',
    );
    const minutes = mails[1]!;
    expect(minutes.subject).toBe(
      'UN Network on Migration in Uzbekistan: minutes of "Q3 2026 meeting: preparing the 2027 workplan", 16 September 2026',
    );
    expect(addresses(minutes.replyTo)).toEqual(['dkarimova@iom.int']);
    // From the Secretariat, as the add-on in Sheets sends from the secretariat's account.
    expect(addresses(minutes.from)).toEqual(['dkarimova@iom.int']);
    expect(minutes.messageId).toMatch(/@iom\.int>$/);
    expect(minutes.text).toContain('Internal use only unless explicitly agreed otherwise.');
    expect(minutes.html).toContain(
      '<a href="https://unitednations.sharepoint.com/sites/UNMN-Uzbekistan/Minutes/M-2026-05.docx">',
    );
    expect((minutes.headers.get('content-type') as { value: string }).value).toBe('multipart/alternative');
  });
});

describe('unmn tick', () => {
  it('saves the Log rows and the dates it wrote; the next run sends nothing again and leaves the file alone', async () => {
    const file = await copy('wet.xlsx');
    const outbox = path.join(dir, 'wet-outbox');
    expect(await main(['tick', file, '--today', TODAY, '--outbox', outbox], captureIo())).toBe(0);
    const workbook = await XlsxWorkbook.open(file);
    const meeting = readTable(workbook, MeetingsTable).records.find((m) => m.id === 'M-2026-05');
    expect(meeting).toMatchObject({ minutesCirculatedOn: TODAY, sharedWithRcoOn: TODAY });
    const sent = readTable(workbook, LogTable).records.filter(
      (e) => e.timestamp.startsWith(TODAY) && e.outcome === 'Sent',
    );
    expect(sent.map((e) => `${e.event} ${e.ref}`)).toEqual([
      'Minutes archived with RCO M-2026-04',
      'Minutes circulated M-2026-05',
      'Minutes archived with RCO M-2026-05',
      'Reminder sent OHCHR',
      'Reminder sent UNFPA',
      'Consultation outcome C-2026-01',
    ]);
    const after = await digest(file);
    const io = captureIo();
    expect(await main(['tick', file, '--today', TODAY, '--outbox', outbox], io)).toBe(0);
    expect(io.stdout).toContain('  Nothing was due.');
    expect(await digest(file)).toBe(after);
    expect(await readdir(outbox)).toHaveLength(6);
  });

  it('saves each claim before its message and the confirmation after it', async () => {
    const file = await copy('order.xlsx');
    const outbox = path.join(dir, 'order-outbox');
    const order: string[] = [];
    const save = XlsxWorkbook.prototype.save;
    vi.spyOn(XlsxWorkbook.prototype, 'save').mockImplementation(async function (this: XlsxWorkbook, ...args) {
      await save.apply(this, args);
      const log = readTable(await XlsxWorkbook.open(file), LogTable).records.filter((e) =>
        e.timestamp.startsWith(TODAY),
      );
      order.push(
        `save ${log.filter((e) => e.outcome === 'Sending').length}/${log.filter((e) => e.outcome === 'Sent').length}`,
      );
    });
    const write = EmlOutbox.prototype.write;
    vi.spyOn(EmlOutbox.prototype, 'write').mockImplementation(async function (this: EmlOutbox, ...args) {
      const files = await write.apply(this, args);
      order.push(...files.map(() => 'eml'));
      return files;
    });
    expect(await main(['tick', file, '--today', TODAY, '--outbox', outbox], captureIo())).toBe(0);
    vi.restoreAllMocks();
    expect(order).toEqual([
      'save 1/0',
      'eml',
      'save 2/1',
      'eml',
      'save 3/2',
      'eml',
      'save 4/3',
      'eml',
      'save 5/4',
      'eml',
      'save 6/5',
      'eml',
      'save 6/6',
    ]);
  });

  it('refuses a --today that is not a day', async () => {
    const io = captureIo();
    expect(await main(['tick', await copy('bad.xlsx'), '--today', '23/11/2026'], io)).toBe(2);
    expect(io.stderr[0]).toContain('--today must be a calendar day as YYYY-MM-DD');
  });
});

describe('unmn tick killed at any point', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The .eml files of a folder as recipients and subject, one line each. */
  async function messages(outbox: string): Promise<string[]> {
    const files = (await readdir(outbox).catch(() => [])).filter((f) => f.endsWith('.eml'));
    const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(outbox, f)))));
    return mails.map((m) => `${addresses(m.to).join(',')} ${m.subject ?? ''}`);
  }

  /** Kills the run (an exception nothing catches) at the `at`-th save or message write: 0 never. Returns how many steps the run took. */
  function killAt(at: number): () => number {
    let steps = 0;
    const step = () => {
      if (++steps === at) throw new Error(`killed at step ${at}`);
    };
    const save = XlsxWorkbook.prototype.save;
    vi.spyOn(XlsxWorkbook.prototype, 'save').mockImplementation(function (this: XlsxWorkbook, ...args) {
      step();
      return save.apply(this, args);
    });
    const write = EmlOutbox.prototype.write;
    vi.spyOn(EmlOutbox.prototype, 'write').mockImplementation(function (this: EmlOutbox, ...args) {
      step();
      return write.apply(this, args);
    });
    return () => steps;
  }

  it('writes no message twice over every kill point, and the next run reports the claims it never confirmed', async () => {
    const whole = killAt(0);
    const full = path.join(dir, 'kill-0-outbox');
    expect(await main(['tick', await copy('kill-0.xlsx'), '--today', TODAY, '--outbox', full], captureIo())).toBe(0);
    const steps = whole();
    const all = await messages(full);
    expect(all).toHaveLength(6);
    vi.restoreAllMocks();
    let duplicates = 0;
    let reported = 0;
    for (let at = 1; at <= steps; at++) {
      const file = await copy(`kill-${at}.xlsx`);
      const outbox = path.join(dir, `kill-${at}-outbox`);
      killAt(at);
      expect(await main(['tick', file, '--today', TODAY, '--outbox', outbox], captureIo())).not.toBe(0);
      vi.restoreAllMocks();
      const rerun = captureIo();
      expect(await main(['tick', file, '--today', TODAY, '--outbox', outbox], rerun)).toBe(0);
      const unconfirmed = rerun.stdout.filter((line) => line.includes('To check by hand:')).length;
      const again = captureIo();
      expect(await main(['tick', file, '--today', TODAY, '--outbox', outbox], again)).toBe(0);
      const sent = await messages(outbox);
      duplicates += sent.length - new Set(sent).size;
      reported += unconfirmed;
      // Every message went once, or its claim is reported for a person to check.
      expect(new Set(sent).size + unconfirmed).toBeGreaterThanOrEqual(all.length);
      expect(sent.every((m) => all.includes(m))).toBe(true);
      expect(again.stdout.some((line) => line.startsWith('Wrote'))).toBe(false);
      // The Log says so too, once.
      const log = readTable(await XlsxWorkbook.open(file), LogTable).records;
      expect(log.filter((e) => e.event === EVENTS.unconfirmed)).toHaveLength(unconfirmed);
    }
    expect(duplicates).toBe(0);
    expect(reported).toBeGreaterThan(0);
  }, 120_000);
});

describe('unmn tick --user', () => {
  it('names who ran it in the Log and sends from that address; without it, the account of this computer', async () => {
    const named = await copy('user.xlsx');
    expect(
      await main(
        ['tick', named, '--today', TODAY, '--outbox', path.join(dir, 'user-outbox'), '--user', 'akarimova@iom.int'],
        captureIo(),
      ),
    ).toBe(0);
    const actors = async (file: string) =>
      new Set(
        readTable(await XlsxWorkbook.open(file), LogTable)
          .records.filter((r) => r.timestamp.startsWith(TODAY))
          .map((r) => r.actor),
      );
    expect(await actors(named)).toEqual(new Set(['akarimova@iom.int']));
    const mail = await simpleParser(
      await readFile(path.join(dir, 'user-outbox', (await readdir(path.join(dir, 'user-outbox'))).sort()[0]!)),
    );
    expect(addresses(mail.from)).toEqual(['akarimova@iom.int']);
    const unnamed = await copy('system.xlsx');
    expect(
      await main(['tick', unnamed, '--today', TODAY, '--outbox', path.join(dir, 'system-outbox')], captureIo()),
    ).toBe(0);
    expect(await actors(unnamed)).toEqual(new Set([`${os.userInfo().username}@${os.hostname()}`]));
    const io = captureIo();
    expect(await main(['tick', unnamed, '--user', 'not an address'], io)).toBe(2);
    expect(io.stderr[0]).toContain('--user must be an email address, not "not an address"');
  });
});
