import { describe, expect, it } from 'vitest';
import { NotAuthorizedError } from '../../src/app/authorize';
import { saveMeetingRpc } from '../../src/app/meetings';
import { commands } from '../../src/app/commands';
import { readNetwork } from '../../src/app/network';
import { readTable } from '../../src/app/repository';
import { headerRow } from '../../src/domain/codec';
import { savedMeeting } from '../../src/domain/edits';
import { meetingSteps } from '../../src/domain/meeting-steps';
import type { MeetingInput } from '../../src/domain/rpc';
import { checkNetwork } from '../../src/domain/rules';
import { FocalPointsTable, LogTable, MeetingsTable, MembersTable, SettingsTable } from '../../src/domain/tables';
import { MemoryWorkbook } from '../support/memory-workbook';
import { memoryPorts } from '../support/ports';

const CIRCULATE = commands().circulateMinutesNow.label;
const SECRETARIAT = 'secretariat@iom.int';
const MEMBER = 'focal@unicef.org';
const TODAY = '2026-04-02';

function workbook() {
  return new MemoryWorkbook({
    [SettingsTable.name]: [
      headerRow(SettingsTable),
      ['ToR profile', 'uzbekistan'],
      ['RCO archive email', 'rco@un.org'],
    ],
    [MembersTable.name]: [
      headerRow(MembersTable),
      [
        'IOM',
        'International Organization for Migration',
        'Chair, Coordinator, Secretariat',
        'Active',
        '2019-01-01',
        '',
        '',
        '',
      ],
      ['UNICEF', "United Nations Children's Fund", 'Member', 'Active', '2019-01-01', '', '', ''],
    ],
    [FocalPointsTable.name]: [
      headerRow(FocalPointsTable),
      ['IOM', 'Dilnoza', 'Programme officer', SECRETARIAT, 'Primary', true],
      ['UNICEF', 'Aziz', 'Child protection', MEMBER, 'Primary', true],
    ],
    [MeetingsTable.name]: [
      headerRow(MeetingsTable),
      ['M-2026-01', '2026-01-10', 'Regular', 'Online', 'First', '', '', '', '', 'IOM', 'Held'],
    ],
    [LogTable.name]: [headerRow(LogTable)],
  });
}

function input(over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    id: '',
    version: '',
    date: '2026-03-20',
    kind: 'Regular',
    mode: 'Hybrid',
    title: '=Second quarterly meeting',
    chairedBy: ['iom'],
    status: 'Planned',
    agendaCirculatedOn: '',
    attendees: [],
    minutesLink: '',
    minutesApprovedOn: '',
    ...over,
  };
}

const ports = (wb: MemoryWorkbook, email = SECRETARIAT) =>
  memoryPorts({ workbook: wb, email, owner: '', today: TODAY, time: '09:00:00' });
const snapshot = (wb: MemoryWorkbook) => JSON.stringify([...wb.tabs.entries()]);

describe('saveMeeting', () => {
  it('plans a meeting, then records its agenda, attendance and approved minutes in place: the row holds every value', () => {
    const wb = workbook();
    const p = ports(wb);
    expect(saveMeetingRpc(p, input(), CIRCULATE)).toEqual({ ok: true, id: 'M-2026-02', row: 3, changed: true });
    const planned = savedMeeting(readNetwork(wb).network, 'M-2026-02')!;
    const held = input({
      id: 'M-2026-02',
      version: planned.version,
      status: 'Held',
      agendaCirculatedOn: '2026-03-10',
      attendees: ['IOM', 'unicef'],
      minutesLink: 'https://docs.example.org/minutes',
      minutesApprovedOn: '2026-03-30',
    });
    expect(saveMeetingRpc(p, held, CIRCULATE)).toEqual({ ok: true, id: 'M-2026-02', row: 3, changed: true });
    expect(p.ui.toasts).toEqual([
      'Meeting M-2026-02 saved in row 3.',
      'Meeting M-2026-02 saved in row 3. Its minutes go to the members at the next hourly tick when automation is on, or now from Circulate approved minutes now…',
    ]);
    expect(readTable(wb, MeetingsTable).records[1]).toMatchObject({
      id: 'M-2026-02',
      date: '2026-03-20',
      kind: 'Regular',
      mode: 'Hybrid',
      title: '=Second quarterly meeting',
      chairedBy: ['IOM'],
      status: 'Held',
      agendaCirculatedOn: '2026-03-10',
      attendees: ['IOM', 'UNICEF'],
      minutesLink: 'https://docs.example.org/minutes',
      minutesApprovedOn: '2026-03-30',
    });
    expect(readTable(wb, LogTable).records.map((e) => e.event)).toEqual(['Meeting planned', 'Meeting updated']);
    const network = readNetwork(wb).network;
    const about = checkNetwork(network, TODAY).filter((f) => f.ref === 'M-2026-02' && /agenda|minutes/.test(f.rule));
    expect(about).toEqual([]);
    expect(
      meetingSteps(network.settings, savedMeeting(network, 'M-2026-02')!.meeting).map((s) => [s.what, s.due, s.done]),
    ).toEqual([
      ['Circulate the agenda and the calendar invitation', '2026-03-15', '2026-03-10'],
      ['Write the minutes and give their link', '2026-04-03', 'linked'],
      ['Have the minutes approved', '2026-04-17', '2026-03-30'],
      ['Circulate the approved minutes', '2026-04-06', ''],
      ['Share the minutes with the RCO archive (rco@un.org)', '', ''],
    ]);
  });

  it('saves a co-chaired meeting unchanged, its lists in another order: both co-chairs kept, no cell written, no Log row', () => {
    const wb = workbook();
    wb.write(MeetingsTable.name, 3, 1, [
      [
        'M-2026-05',
        '2026-03-16',
        'Regular',
        'Hybrid',
        'Co-chaired',
        '',
        '',
        '',
        '',
        'UNICEF, IOM',
        'Held',
        '2026-03-09',
        'UNICEF, IOM',
      ],
    ]);
    const p = ports(wb);
    const read = savedMeeting(readNetwork(wb).network, 'M-2026-05')!;
    const before = snapshot(wb);
    const writes = wb.calls.write;
    const same = input({
      ...read.meeting,
      id: 'M-2026-05',
      version: read.version,
      mode: 'Hybrid',
      chairedBy: ['IOM', 'unicef'],
      agendaCirculatedOn: '2026-03-09',
      attendees: ['IOM', 'UNICEF'],
      minutesApprovedOn: '',
    });
    expect(saveMeetingRpc(p, same, CIRCULATE)).toEqual({ ok: true, id: 'M-2026-05', row: 3, changed: false });
    expect(wb.calls.write).toBe(writes);
    expect(snapshot(wb)).toBe(before);
    expect(p.ui.toasts).toEqual(['Meeting M-2026-05 is unchanged: nothing was written.']);
    expect(readTable(wb, MeetingsTable).records[1]!.chairedBy).toEqual(['UNICEF', 'IOM']);
  });

  it('refuses a concurrent change with the row as it stands, and overwrites nothing', () => {
    const wb = workbook();
    const p = ports(wb);
    const read = savedMeeting(readNetwork(wb).network, 'M-2026-01')!;
    expect(
      saveMeetingRpc(
        p,
        input({ id: 'M-2026-01', version: read.version, date: '2026-01-10', status: 'Held', attendees: ['IOM'] }),
        CIRCULATE,
      ).ok,
    ).toBe(true);
    const between = snapshot(wb);
    const second = saveMeetingRpc(
      p,
      input({ id: 'M-2026-01', version: read.version, date: '2026-01-10', title: 'Other' }),
      CIRCULATE,
    );
    expect(second).toMatchObject({ ok: false, current: { meeting: { attendees: ['IOM'] } } });
    expect(snapshot(wb)).toBe(between);
  });

  it('refuses bad input beside its field, and a plain member, writing nothing', () => {
    const wb = workbook();
    const before = snapshot(wb);
    const fails = (over: Record<string, unknown>) => {
      const r = saveMeetingRpc(ports(wb), { ...input(), ...over }, CIRCULATE);
      return r.ok ? [] : r.errors.map((e) => e.message);
    };
    expect(fails({ attendees: ['WHO'] })).toEqual(['Attendees: WHO is not a member of the Members tab']);
    expect(fails({ minutesLink: 'javascript:alert(1)' })).toEqual([
      'Minutes link: must be a link starting with https://',
    ]);
    expect(fails({ minutesApprovedOn: '2026-03-25' })).toEqual([
      'Minutes link: give the link to the minutes before recording their approval',
      'Status: minutes are approved only for a Held meeting',
    ]);
    expect(fails({ date: '2026-02-30' })).toEqual([expect.stringMatching(/^Date: /)]);
    expect(fails({ status: 'Held', date: '2026-05-01' })).toEqual([
      'Status: a meeting on 2026-05-01 cannot be Held yet (today is 2026-04-02)',
    ]);
    expect(() => saveMeetingRpc(ports(wb, MEMBER), input(), CIRCULATE)).toThrow(NotAuthorizedError);
    expect(snapshot(wb)).toBe(before);
  });
});
