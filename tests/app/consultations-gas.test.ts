/**
 * Written consultation in Sheets, over the fake of the Apps Script services with the data tabs
 * protected as setup protects them: the secretariat opens, the tick sends each member the proposal
 * once, a member's answer waits in the document's properties (its execution can write no protected
 * tab), the secretariat's next tick records it, the reminder goes to the silent, and closing drafts
 * the decision.
 */
import { describe, expect, it, vi } from 'vitest';
import { closeConsultation, openConsultation, answerConsultation } from '../../src/app/consultations';
import { hourlyTick } from '../../src/app/tick';
import { decodeTable } from '../../src/domain/codec';
import { INBOX_PREFIX } from '../../src/domain/consultations';
import { AnswersTable, ConsultationsTable, LogTable, TABLES } from '../../src/domain/tables';
import { gasPorts } from '../../src/gas/ports';
import { createGasFake, type GasFake } from '../fakes/gas';
import { gridsOf, uzbekistan } from '../domain/rules/support';
import { onFixedDay } from '../support/gas-day';

const SECRETARIAT = 'akarimova@iom.int';
const UNDP = 'dilnoza.yusupova@undp.org';
const UNRC = 'jon.berg@un.org';
const UNHCR = 'former@unhcr.org';
const STRANGER = 'someone@gmail.com';
const DATA_TABS = TABLES.filter((t) => t.name !== 'Compliance').map((t) => t.name);

const installed = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));

function install(): GasFake {
  const spec = uzbekistan();
  spec.settings = { ...spec.settings, networkName: 'UN Network on Migration in Uzbekistan' };
  spec.members.push({ agency: 'UNHCR', name: 'UN Refugee Agency', roles: ['Member'], status: 'Withdrawn', joinedOn: '2025-12-01', leftOn: '2026-03-01' });
  spec.focalPoints.push({ agency: 'UNHCR', name: 'Former', email: UNHCR, kind: 'Primary', active: true });
  const fake = installed(createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, editors: [SECRETARIAT, UNDP, UNRC, UNHCR, STRANGER], sheets: gridsOf(spec) }));
  // As setup leaves them: only the secretariat (and the owner) may edit the data tabs.
  for (const tab of DATA_TABS) fake.sheet(tab).protect().removeEditors([UNDP, UNRC, UNHCR, STRANGER]);
  return fake;
}

function as(fake: GasFake, user: string) {
  fake.setContext({ activeUser: user });
  fake.nextExecution();
  return gasPorts();
}

function inbox(fake: GasFake): string[] {
  return Object.keys(fake.properties.document.getProperties()).filter((k) => k.startsWith(INBOX_PREFIX));
}

function tabs(fake: GasFake) {
  return DATA_TABS.map((tab) => fake.sheetValues(tab));
}

const OPEN = {
  title: 'Admit UNHCR again',
  proposal: '<b>UNHCR</b> rejoins the network & its working group on data.',
  kind: 'No objection',
  deadline: '2026-06-24',
} as const;

function proposals(fake: GasFake, id: string): string[] {
  return fake.sentMail.filter((m) => m.subject.includes(`consultation ${id}`)).map((m) => m.to.join(','));
}

function answers(fake: GasFake): string[] {
  return decodeTable(AnswersTable, fake.sheetValues('Answers')).records.map((a) => `${a.consultation} ${a.agency} ${a.answer} ${a.comment} ${a.answeredBy}`);
}

describe('a written consultation through the Apps Script services', () => {
  it('opens, sends once per member, takes answers through the inbox, reminds the silent and closes', () => {
    const fake = install();
    expect(() => openConsultation(as(fake, UNDP), OPEN)).toThrow('Only the secretariat can open a consultation');
    expect(openConsultation(as(fake, SECRETARIAT), { ...OPEN, deadline: '2026-06-17' })).toEqual({ ok: false, errors: [expect.stringContaining('fewer than 3 working days')] });
    expect(openConsultation(as(fake, SECRETARIAT), { ...OPEN, subject: 'UNDP' })).toEqual({ ok: false, errors: ['subject: UNDP is already an active member'] });
    expect(openConsultation(as(fake, SECRETARIAT), { ...OPEN, subject: 'unhcr' })).toEqual({ ok: true, id: 'C-2026-01' });
    const opened = decodeTable(ConsultationsTable, fake.sheetValues('Consultations')).records[0]!;
    expect([opened.id, opened.status, opened.openedOn, opened.subject]).toEqual(['C-2026-01', 'Open', '2026-06-15', 'UNHCR']);

    const sending = fake.calls.during(() => hourlyTick(as(fake, SECRETARIAT)));
    hourlyTick(as(fake, SECRETARIAT));
    expect(proposals(fake, 'C-2026-01')).toEqual([SECRETARIAT, UNRC, UNDP]);
    const mail = fake.sentMail.find((m) => m.to.includes(UNDP))!;
    expect(mail.htmlBody).toContain('&lt;b&gt;UNHCR&lt;/b&gt; rejoins the network &amp; its');
    expect(mail.body).toContain('Answer a consultation');
    expect(mail.body).toContain('24 June 2026');
    // 7 reads, then a claim, a flush, a confirmation and a flush for each of the 3 messages.
    expect(sending.spreadsheet).toBeLessThanOrEqual(39);
    const log = decodeTable(LogTable, fake.sheetValues('Log')).records;
    expect(log.filter((e) => e.event === 'Consultation sent').map((e) => `${e.outcome} ${e.details}`)).toEqual([
      "Sending C-2026-01's proposal to IOM",
      "Sent C-2026-01's proposal to IOM",
      "Sending C-2026-01's proposal to UNRC",
      "Sent C-2026-01's proposal to UNRC",
      "Sending C-2026-01's proposal to UNDP",
      "Sent C-2026-01's proposal to UNDP",
    ]);

    const before = tabs(fake);
    expect(answerConsultation(as(fake, UNDP), { id: 'C-2026-01', answer: 'Object' })).toEqual({ ok: false, errors: ['comment: say why you object.'] });
    expect(answerConsultation(as(fake, STRANGER), { id: 'C-2026-01', answer: 'Approve' })).toEqual({
      ok: false,
      errors: [expect.stringContaining('is not an active focal point of any member')],
    });
    expect(answerConsultation(as(fake, UNHCR), { id: 'C-2026-01', answer: 'Approve' })).toEqual({ ok: false, errors: [expect.stringContaining('not active today')] });
    expect(inbox(fake)).toEqual([]);
    // The agency comes from the account: a payload naming another is not even read.
    expect(answerConsultation(as(fake, UNDP), { id: 'C-2026-01', answer: 'Object', comment: 'Not before the <review>', agency: 'UNRC' })).toEqual({ ok: true });
    expect(inbox(fake)).toHaveLength(1);
    expect(tabs(fake)).toEqual(before);

    hourlyTick(as(fake, SECRETARIAT));
    expect(answers(fake)).toEqual([`C-2026-01 UNDP Object Not before the <review> ${UNDP}`]);
    expect(inbox(fake)).toEqual([]);

    // Two days before the deadline: the reminder goes to those that have not answered, once.
    vi.setSystemTime(new Date(2026, 5, 22, 10, 0, 0));
    hourlyTick(as(fake, SECRETARIAT));
    hourlyTick(as(fake, SECRETARIAT));
    expect(fake.sentMail.filter((m) => m.subject.includes('reminder')).map((m) => m.to.join(','))).toEqual([SECRETARIAT, UNRC]);

    // The secretariat answers: recorded at once. Then a late answer is refused with nothing written.
    expect(answerConsultation(as(fake, SECRETARIAT), { id: 'C-2026-01', answer: 'No objection' })).toEqual({ ok: true });
    expect(answers(fake)).toHaveLength(2);
    vi.setSystemTime(new Date(2026, 5, 25, 10, 0, 0));
    const late = tabs(fake);
    expect(answerConsultation(as(fake, UNRC), { id: 'C-2026-01', answer: 'Approve' })).toEqual({ ok: false, errors: [expect.stringContaining('too late')] });
    expect(tabs(fake)).toEqual(late);
    expect(inbox(fake)).toEqual([]);

    const closed = closeConsultation(as(fake, SECRETARIAT), { id: 'C-2026-01' });
    expect(closed).toEqual({
      ok: true,
      changed: true,
      decisionDraft: {
        date: '2026-06-25',
        meeting: '',
        kind: 'Admission',
        title: OPEN.title,
        decision: OPEN.proposal,
        subject: 'UNHCR',
        consultation: 'C-2026-01',
        consulted: ['IOM', 'UNRC', 'UNDP'],
        objections: ['UNDP'],
        outcome: 'Not adopted',
      },
    });
    const row = decodeTable(ConsultationsTable, fake.sheetValues('Consultations')).records[0]!;
    expect([row.status, row.outcome, row.closedOn]).toEqual(['Closed', 'Not agreed', '2026-06-25']);
    const outcome = fake.sentMail.filter((m) => m.subject.includes('Not agreed'));
    expect(outcome).toHaveLength(1);
    expect(outcome[0]!.body).toContain('Not before the <review>');
    expect(outcome[0]!.htmlBody).toContain('Not before the &lt;review&gt;');

    const after = [fake.sheetValues('Consultations'), fake.sheetValues('Answers')];
    const sent = fake.sentMail.filter((m) => m.subject.includes('C-2026-01')).length;
    expect(closeConsultation(as(fake, SECRETARIAT), { id: 'C-2026-01' })).toEqual({ ...closed, changed: false });
    hourlyTick(as(fake, SECRETARIAT));
    expect(fake.sentMail.filter((m) => m.subject.includes('C-2026-01'))).toHaveLength(sent);
    expect([fake.sheetValues('Consultations'), fake.sheetValues('Answers')]).toEqual(after);
  });

  it('the first tick after the deadline closes a No objection consultation and tells the members', () => {
    const fake = install();
    expect(openConsultation(as(fake, SECRETARIAT), OPEN)).toEqual({ ok: true, id: 'C-2026-01' });
    hourlyTick(as(fake, SECRETARIAT));
    vi.setSystemTime(new Date(2026, 5, 25, 10, 0, 0));
    hourlyTick(as(fake, SECRETARIAT));
    const row = decodeTable(ConsultationsTable, fake.sheetValues('Consultations')).records[0]!;
    expect([row.status, row.outcome, row.closedOn]).toEqual(['Closed', 'Agreed', '2026-06-25']);
    // To the whole network: its mailing list (the profile's).
    expect(fake.sentMail.filter((m) => m.subject.includes(': Agreed')).map((m) => m.to)).toEqual([['migration.uz@one.un.org']]);
  });

  it('an execution killed after sending a proposal never sends it again', () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    fake.mail.afterSend = (m) => {
      if (m.to.includes(UNRC)) fake.kill();
    };
    expect(() => hourlyTick(as(fake, SECRETARIAT))).toThrow('Exceeded maximum execution time');
    fake.mail.afterSend = null;
    hourlyTick(as(fake, SECRETARIAT));
    hourlyTick(as(fake, SECRETARIAT));
    expect(proposals(fake, 'C-2026-01')).toEqual([SECRETARIAT, UNRC, UNDP]);
  });
});
