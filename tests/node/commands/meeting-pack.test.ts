/**
 * The meeting pack on a copy of the example workbook: `unmn tick` writes the agenda's invitation
 * inside the .eml as a text/calendar part, and `unmn meeting ics` writes the invitation alone.
 */
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNetwork } from '../../../src/app/network';
import { invitationUid } from '../../../src/domain/invitation';
import { main } from '../../../src/node/cli';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { captureIo } from '../cli-io';

const EXAMPLE = path.resolve(__dirname, '../../../examples/uzbekistan.xlsx');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-pack-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A copy of the example whose next meeting has its draft agenda linked. */
async function withAgenda(name: string): Promise<string> {
  const file = path.join(dir, name);
  await copyFile(EXAMPLE, file);
  const workbook = await XlsxWorkbook.open(file);
  const grid = workbook.read('Meetings')!;
  const row = grid.findIndex((r) => r[0] === 'M-2027-01');
  workbook.write('Meetings', row + 1, grid[0]!.indexOf('Agenda link') + 1, [['https://docs.example/agenda-2027-01']]);
  workbook.write('Meetings', row + 1, grid[0]!.indexOf('Time') + 1, [['09:30']]);
  await workbook.save(file);
  return file;
}

function vevent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, event: calendar.getFirstSubcomponent('vevent')! };
}

describe('the meeting pack from the command line', () => {
  it('unmn tick writes the agenda with its invitation as a text/calendar part', async () => {
    const file = await withAgenda('tick.xlsx');
    const outbox = path.join(dir, 'outbox');
    const io = captureIo();
    expect(await main(['tick', file, '--today', '2027-02-05', '--outbox', outbox], io)).toBe(0);
    const { network } = readNetwork(await XlsxWorkbook.open(file));
    const files = (await readdir(outbox)).filter((f) => f.endsWith('.eml'));
    const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(outbox, f)))));
    const agenda = mails.find((m) => m.subject?.includes('agenda of'));
    expect(agenda).toBeDefined();
    const calendarPart = agenda!.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(calendarPart).toBeDefined();
    const { calendar, event } = vevent(calendarPart!.content.toString('utf8'));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Tashkent');
    expect(String(event.getFirstPropertyValue('dtstart'))).toBe('2027-02-10T09:30:00');
    expect(event.getFirstPropertyValue('uid')).toBe(invitationUid('M-2027-01', network.settings.networkName));
    expect(agenda!.text).toContain('A-2026-004');
    expect(network.meetings.records.find((m) => m.id === 'M-2027-01')?.agendaCirculatedOn).toBe('2027-02-05');
  });

  it('unmn meeting ics writes the invitation alone, the focal points its attendees', async () => {
    const file = await withAgenda('ics.xlsx');
    const out = path.join(dir, 'M-2027-01.ics');
    const io = captureIo();
    expect(await main(['meeting', 'ics', 'M-2027-01', file, '--out', out, '--today', '2027-02-01'], io)).toBe(0);
    const { network } = readNetwork(await XlsxWorkbook.open(file));
    const { event } = vevent(await readFile(out, 'utf8'));
    const focalPoints = network.focalPoints.records
      .filter((fp) => fp.active === true && fp.email !== '')
      .filter((fp) =>
        network.members.records.some((m) => m.agency === fp.agency && m.status === 'Active' && m.leftOn === null),
      )
      .map((fp) => `mailto:${fp.email.toLowerCase()}`);
    const attendees = event.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase());
    expect(new Set(attendees)).toEqual(new Set(focalPoints));
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(await main(['meeting', 'ics', 'M-2099-01', file, '--out', out], captureIo())).toBe(1);
  });
});
