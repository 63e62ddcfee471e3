/**
 * Consultations and meetings through dist/Code.js over the Apps Script fake, in the network's
 * language: with Settings' `Language` Russian, the refusals the forms show, the Log's Details of a
 * closed consultation and the toast of a saved meeting are in Russian (Russian plural forms), while
 * the field names the forms place them by, and the Log's Event values, stay as the code spells them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeTable } from '../../src/domain/codec';
import { LogTable } from '../../src/domain/tables';
import { createGasFake, type GasFake } from '../fakes/gas';
import { bundleCode, loadBundle, type Script } from '../support/bundle';
import { gridsOf, uzbekistan } from '../domain/rules/support';
import { onFixedDay } from '../support/gas-day';

const SECRETARIAT = 'akarimova@iom.int';
const UNDP = 'dilnoza.yusupova@undp.org';

const installed = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));

const OPEN = { title: 'Joint statement', proposal: 'Issue the statement.', kind: 'Approval', deadline: '2026-06-24' };

let code = '';
beforeAll(() => {
  code = bundleCode();
});

function install(language: 'English' | 'Russian'): {
  fake: GasFake;
  run: (name: string, user: string, input?: unknown) => unknown;
} {
  const spec = uzbekistan();
  spec.settings = { ...spec.settings, language };
  const fake = installed(
    createGasFake({
      owner: 'owner@un.org',
      activeUser: SECRETARIAT,
      editors: [SECRETARIAT, UNDP],
      sheets: gridsOf(spec),
      htmlFiles: (name) => readFileSync(join(__dirname, '..', '..', 'dist', `${name}.html`), 'utf8'),
    }),
  );
  const script: Script = loadBundle(code, fake);
  const run = (name: string, user: string, input?: unknown) => {
    fake.setContext({ activeUser: user });
    fake.nextExecution();
    return JSON.parse(JSON.stringify(script[name]!(input) ?? null)) as unknown;
  };
  return { fake, run };
}

function closedDetails(fake: GasFake): string | undefined {
  return decodeTable(LogTable, fake.sheetValues('Log')).records.find((e) => e.event === 'Consultation closed')?.details;
}

describe('consultations in Russian', () => {
  it('refuses in Russian, keeping the field a refusal belongs to', () => {
    const { run } = install('Russian');
    expect(run('openConsultation', SECRETARIAT, { ...OPEN, deadline: '2026-06-17' })).toEqual({
      ok: false,
      errors: [
        'deadline: до 2026-06-17 остается меньше 3 рабочих дней на ответ; чтобы все же открыть консультацию, подтвердите короткий срок',
      ],
    });
    expect(run('openConsultation', SECRETARIAT, { ...OPEN, subject: 'UNDP' })).toEqual({
      ok: false,
      errors: ['subject: UNDP уже является действующим членом Сети'],
    });
    expect(run('openConsultation', SECRETARIAT, OPEN)).toEqual({ ok: true, id: 'C-2026-01' });
    expect(run('answerConsultation', UNDP, { id: 'C-2026-01', answer: 'Object' })).toEqual({
      ok: false,
      errors: ['comment: укажите, почему Вы возражаете.'],
    });
    expect(run('closeConsultation', SECRETARIAT, { id: 'C-2026-01' })).toEqual({
      ok: false,
      errors: ['Консультация C-2026-01 открыта до 2026-06-24, а IOM, UNRC, UNDP еще не ответили.'],
    });
  });

  it('writes the Details of a closed consultation in Russian, under the English event', () => {
    const { fake, run } = install('Russian');
    run('openConsultation', SECRETARIAT, OPEN);
    expect(run('answerConsultation', SECRETARIAT, { id: 'C-2026-01', answer: 'Approve' })).toEqual({ ok: true });
    vi.setSystemTime(new Date(2026, 5, 25, 10, 0, 0));
    run('closeConsultation', SECRETARIAT, { id: 'C-2026-01', outcome: 'Agreed' });
    expect(closedDetails(fake)).toBe(
      '«Agreed» (записано секретариатом; по ответам — «Not agreed»): получен 1 ответ из 3',
    );
  });

  it('says in Russian that a meeting was saved, and refuses a link in Russian', () => {
    const { fake, run } = install('Russian');
    const meeting = {
      id: '',
      version: '',
      date: '2026-06-10',
      kind: 'Regular',
      mode: 'Online',
      title: 'Июньское заседание',
      chairedBy: ['IOM'],
      status: 'Held',
      agendaCirculatedOn: '',
      attendees: ['IOM', 'UNDP'],
      minutesLink: 'ftp://minutes',
      minutesApprovedOn: '',
    };
    expect(run('saveMeeting', SECRETARIAT, meeting)).toMatchObject({
      ok: false,
      errors: [{ field: 'minutesLink', message: 'Ссылка на протокол: должна начинаться с https://' }],
    });
    expect(run('saveMeeting', SECRETARIAT, { ...meeting, minutesLink: '' })).toMatchObject({ ok: true });
    expect(fake.ui.toasts.at(-1)).toMatchObject({
      message: expect.stringMatching(/^Заседание M-2026-\d\d сохранено в строке \d+\.$/),
      title: 'Заседания',
    });
  });
});

describe('consultations and meetings in English', () => {
  it('read as they always have', () => {
    const { fake, run } = install('English');
    expect(run('openConsultation', SECRETARIAT, { ...OPEN, deadline: '2026-06-17' })).toEqual({
      ok: false,
      errors: [
        'deadline: 2026-06-17 leaves fewer than 3 working days to answer; confirm the short deadline to open it anyway',
      ],
    });
    run('openConsultation', SECRETARIAT, OPEN);
    expect(run('closeConsultation', SECRETARIAT, { id: 'C-2026-01' })).toEqual({
      ok: false,
      errors: ['C-2026-01 is open until 2026-06-24 and IOM, UNRC, UNDP have not answered yet.'],
    });
    run('answerConsultation', SECRETARIAT, { id: 'C-2026-01', answer: 'Approve' });
    vi.setSystemTime(new Date(2026, 5, 25, 10, 0, 0));
    run('closeConsultation', SECRETARIAT, { id: 'C-2026-01', outcome: 'Agreed' });
    expect(closedDetails(fake)).toBe(
      'Agreed (recorded by the Secretariat; the answers give Not agreed): 1 answer of 3',
    );
  });
});
