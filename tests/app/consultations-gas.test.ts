/**
 * Written consultation in Sheets, over the fake of the Apps Script services with the data tabs
 * protected as setup protects them: the secretariat opens, the tick sends each member the proposal
 * once, a member's answer waits in the document's properties (its execution can write no protected
 * tab), the secretariat's next tick records it, the reminder goes to the silent, and closing drafts
 * the decision.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  answerConsultation,
  closeConsultation,
  openConsultation,
  sendConsultationsNow,
  withdrawConsultation,
} from '../../src/app/consultations';
import { recordDecision } from '../../src/app/decisions';
import { RPC_HANDLERS } from '../../src/app/rpc';
import { hourlyTick } from '../../src/app/tick';
import { bundleCode, loadBundle } from '../support/bundle';
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
  spec.members.push({
    agency: 'UNHCR',
    name: 'UN Refugee Agency',
    roles: ['Member'],
    status: 'Withdrawn',
    joinedOn: '2025-12-01',
    leftOn: '2026-03-01',
  });
  spec.focalPoints.push({ agency: 'UNHCR', name: 'Former', email: UNHCR, kind: 'Primary', active: true });
  const fake = installed(
    createGasFake({
      owner: 'owner@un.org',
      activeUser: SECRETARIAT,
      editors: [SECRETARIAT, UNDP, UNRC, UNHCR, STRANGER],
      sheets: gridsOf(spec),
    }),
  );
  // As setup leaves them: only the Secretariat (IOM, and UNRC as Co-chair) and the owner may edit the data tabs.
  for (const tab of DATA_TABS) fake.sheet(tab).protect().removeEditors([UNDP, UNHCR, STRANGER]);
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

/** The public functions, each run as a user: as src/ builds them over gasPorts, or as dist/Code.js's globals. */
interface Api {
  open(user: string, input: unknown): unknown;
  answer(user: string, input: unknown): unknown;
  close(user: string, input: unknown): unknown;
  tick(user: string): void;
}

let code = '';
beforeAll(() => {
  code = bundleCode();
});

const APIS: Record<string, (fake: GasFake) => Api> = {
  'the use cases over gasPorts': (fake) => ({
    open: (user, input) => openConsultation(as(fake, user), input),
    answer: (user, input) => answerConsultation(as(fake, user), input),
    close: (user, input) => closeConsultation(as(fake, user), input),
    tick: (user) => void hourlyTick(as(fake, user)),
  }),
  'the globals of dist/Code.js': (fake) => {
    const script = loadBundle(code, fake);
    const run = (name: string, user: string, input?: unknown) => {
      as(fake, user);
      // A result made in the script's realm, as google.script.run would serialise it.
      return JSON.parse(JSON.stringify(script[name]!(input) ?? null)) as unknown;
    };
    return {
      open: (user, input) => run('openConsultation', user, input),
      answer: (user, input) => run('answerConsultation', user, input),
      close: (user, input) => run('closeConsultation', user, input),
      tick: (user) => void run('hourlyTick', user),
    };
  },
};

function proposals(fake: GasFake, id: string): string[] {
  return fake.sentMail.filter((m) => m.subject.includes(`consultation ${id}`)).map((m) => m.to.join(','));
}

function answers(fake: GasFake): string[] {
  return decodeTable(AnswersTable, fake.sheetValues('Answers')).records.map(
    (a) => `${a.consultation} ${a.agency} ${a.answer} ${a.comment} ${a.answeredBy}`,
  );
}

describe.each(Object.entries(APIS))('a written consultation through %s', (_how, apiOf) => {
  it('opens, sends once per member, takes answers through the inbox, reminds the silent and closes', () => {
    const fake = install();
    const api = apiOf(fake);
    expect(() => api.open(UNDP, OPEN)).toThrow('Only the Secretariat can open a consultation');
    expect(api.open(SECRETARIAT, { ...OPEN, deadline: '2026-06-17' })).toEqual({
      ok: false,
      errors: [expect.stringContaining('fewer than 3 working days')],
    });
    expect(api.open(SECRETARIAT, { ...OPEN, subject: 'UNDP', kind: 'Approval' })).toEqual({
      ok: false,
      errors: ['subject: UNDP is already an active member'],
    });
    expect(api.open(SECRETARIAT, { ...OPEN, subject: 'unhcr' })).toEqual({
      ok: false,
      errors: [expect.stringContaining('upon unanimous approval: open the admission as Approval')],
    });
    // The Uzbekistan ToR admits upon unanimous approval.
    expect(api.open(SECRETARIAT, { ...OPEN, subject: 'unhcr', kind: 'Approval' })).toEqual({
      ok: true,
      id: 'C-2026-01',
    });
    const opened = decodeTable(ConsultationsTable, fake.sheetValues('Consultations')).records[0]!;
    expect([opened.id, opened.status, opened.openedOn, opened.subject]).toEqual([
      'C-2026-01',
      'Open',
      '2026-06-15',
      'UNHCR',
    ]);

    const sending = fake.calls.during(() => api.tick(SECRETARIAT));
    api.tick(SECRETARIAT);
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
    expect(api.answer(UNDP, { id: 'C-2026-01', answer: 'Object' })).toEqual({
      ok: false,
      errors: ['comment: say why you object.'],
    });
    expect(api.answer(STRANGER, { id: 'C-2026-01', answer: 'Approve' })).toEqual({
      ok: false,
      errors: [expect.stringContaining('is not an active focal point of any member')],
    });
    expect(api.answer(UNHCR, { id: 'C-2026-01', answer: 'Approve' })).toEqual({
      ok: false,
      errors: [expect.stringContaining('not active today')],
    });
    expect(inbox(fake)).toEqual([]);
    // The agency comes from the account: a payload naming another is not even read.
    expect(
      api.answer(UNDP, { id: 'C-2026-01', answer: 'Object', comment: 'Not before the <review>', agency: 'UNRC' }),
    ).toEqual({ ok: true });
    expect(inbox(fake)).toHaveLength(1);
    expect(tabs(fake)).toEqual(before);

    api.tick(SECRETARIAT);
    expect(answers(fake)).toEqual([`C-2026-01 UNDP Object Not before the <review> ${UNDP}`]);
    expect(inbox(fake)).toEqual([]);

    // Two days before the deadline: the reminder goes to those that have not answered, once.
    vi.setSystemTime(new Date(2026, 5, 22, 10, 0, 0));
    api.tick(SECRETARIAT);
    api.tick(SECRETARIAT);
    expect(fake.sentMail.filter((m) => m.subject.includes('reminder')).map((m) => m.to.join(','))).toEqual([
      SECRETARIAT,
      UNRC,
    ]);

    // The secretariat answers: recorded at once. Then a late answer is refused with nothing written.
    expect(api.answer(SECRETARIAT, { id: 'C-2026-01', answer: 'No objection' })).toEqual({ ok: true });
    expect(answers(fake)).toHaveLength(2);
    vi.setSystemTime(new Date(2026, 5, 25, 10, 0, 0));
    const late = tabs(fake);
    expect(api.answer(UNRC, { id: 'C-2026-01', answer: 'Approve' })).toEqual({
      ok: false,
      errors: [expect.stringContaining('too late')],
    });
    expect(tabs(fake)).toEqual(late);
    expect(inbox(fake)).toEqual([]);

    const closed = api.close(SECRETARIAT, { id: 'C-2026-01' });
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
    expect(api.close(SECRETARIAT, { id: 'C-2026-01' })).toEqual({ ...(closed as object), changed: false });
    api.tick(SECRETARIAT);
    expect(fake.sentMail.filter((m) => m.subject.includes('C-2026-01'))).toHaveLength(sent);
    expect([fake.sheetValues('Consultations'), fake.sheetValues('Answers')]).toEqual(after);
  });
});

describe('a written consultation in Sheets', () => {
  it('the first tick after the deadline closes a No objection consultation and tells the members', () => {
    const fake = install();
    expect(openConsultation(as(fake, SECRETARIAT), OPEN)).toEqual({ ok: true, id: 'C-2026-01' });
    hourlyTick(as(fake, SECRETARIAT));
    vi.setSystemTime(new Date(2026, 5, 25, 10, 0, 0));
    hourlyTick(as(fake, SECRETARIAT));
    const row = decodeTable(ConsultationsTable, fake.sheetValues('Consultations')).records[0]!;
    expect([row.status, row.outcome, row.closedOn]).toEqual(['Closed', 'Agreed', '2026-06-25']);
    // To the whole network: its mailing list (the profile's).
    expect(fake.sentMail.filter((m) => m.subject.includes(': Agreed')).map((m) => m.to)).toEqual([
      ['migration.uz@one.un.org'],
    ]);
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

  it('an execution killed after sending a reminder or an outcome never sends it again', () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    hourlyTick(as(fake, SECRETARIAT));
    vi.setSystemTime(new Date(2026, 5, 22, 10, 0, 0));
    fake.mail.afterSend = (m) => {
      if (m.subject.includes('reminder') && m.to.includes(UNRC)) fake.kill();
    };
    expect(() => hourlyTick(as(fake, SECRETARIAT))).toThrow('Exceeded maximum execution time');
    fake.mail.afterSend = null;
    hourlyTick(as(fake, SECRETARIAT));
    hourlyTick(as(fake, SECRETARIAT));
    const reminders = fake.sentMail.filter((m) => m.subject.includes('reminder')).map((m) => m.to.join(','));
    expect(reminders).toEqual([SECRETARIAT, UNRC, UNDP]);

    vi.setSystemTime(new Date(2026, 5, 25, 10, 0, 0));
    fake.mail.afterSend = (m) => {
      if (m.subject.includes(': Agreed')) fake.kill();
    };
    expect(() => hourlyTick(as(fake, SECRETARIAT))).toThrow('Exceeded maximum execution time');
    fake.mail.afterSend = null;
    hourlyTick(as(fake, SECRETARIAT));
    hourlyTick(as(fake, SECRETARIAT));
    expect(fake.sentMail.filter((m) => m.subject.includes(': Agreed'))).toHaveLength(1);
    const log = decodeTable(LogTable, fake.sheetValues('Log')).records;
    expect(log.filter((e) => e.event === 'Delivery unconfirmed').map((e) => e.ref)).toEqual(['C-2026-01', 'C-2026-01']);
  });

  it('an execution killed after recording the answers but before clearing the inbox records none twice', () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    expect(answerConsultation(as(fake, UNDP), { id: 'C-2026-01', answer: 'Approve' })).toEqual({ ok: true });
    const app = fake.globals.SpreadsheetApp;
    // The execution dies right after the flush that made the Answers rows durable.
    (globalThis as Record<string, unknown>).SpreadsheetApp = new Proxy(app, {
      get: (target, name) =>
        name === 'flush'
          ? () => {
              (target as unknown as { flush(): void }).flush();
              if (fake.sheetValues('Answers').length > 1) fake.kill();
            }
          : Reflect.get(target, name),
    });
    expect(() => hourlyTick(as(fake, SECRETARIAT))).toThrow('Exceeded maximum execution time');
    (globalThis as Record<string, unknown>).SpreadsheetApp = app;
    expect(inbox(fake)).toHaveLength(1);
    hourlyTick(as(fake, SECRETARIAT));
    expect(inbox(fake)).toEqual([]);
    expect(answers(fake)).toEqual([`C-2026-01 UNDP Approve  ${UNDP}`]);
  });

  it("the answer dialog's calls show the proposal and the member's current answer, and answer", () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    const script = loadBundle(code, fake);
    const rpc = (name: string, user: string, input?: unknown) => {
      as(fake, user);
      return JSON.parse(JSON.stringify(script[name]!(input) ?? null)) as Record<string, any>;
    };

    const before = tabs(fake);
    const open = rpc('getConsultationDialogData', UNDP);
    expect(open).toMatchObject({ agency: 'UNDP', refusal: '' });
    expect(open.consultations.map((c: any) => [c.id, c.title, c.proposal, c.deadline, c.answers])).toEqual([
      [
        'C-2026-01',
        OPEN.title,
        OPEN.proposal,
        '2026-06-24',
        [{ agency: 'UNDP', answer: '', comment: '', answeredBy: '', pending: false }],
      ],
    ]);
    expect(rpc('answerConsultation', UNDP, { id: 'C-2026-01', answer: 'Object' })).toEqual({
      ok: false,
      errors: ['comment: say why you object.'],
    });
    expect(
      rpc('answerConsultation', UNDP, { id: 'C-2026-01', answer: 'Object', comment: 'Not before the review.' }),
    ).toEqual({ ok: true });
    expect(tabs(fake)).toEqual(before);
    expect(inbox(fake)).toHaveLength(1);
    expect(rpc('getConsultationDialogData', UNDP).consultations[0].answers).toEqual([
      { agency: 'UNDP', answer: 'Object', comment: 'Not before the review.', answeredBy: UNDP, pending: true },
    ]);

    const stranger = rpc('getConsultationDialogData', STRANGER);
    expect(stranger).toMatchObject({ agency: '', consultations: [] });
    expect(stranger.refusal).toMatch(/is not an active focal point of any member/);
    expect(rpc('answerConsultation', STRANGER, { id: 'C-2026-01', answer: 'Approve' }).ok).toBe(false);
    expect(inbox(fake)).toHaveLength(1);
  });

  it("the Consultations panel records the inbox, then shows each member's answer, for the secretariat only", () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    expect(answerConsultation(as(fake, UNDP), { id: 'C-2026-01', answer: 'Approve', comment: 'Fine.' })).toEqual({
      ok: true,
    });
    expect(() => RPC_HANDLERS.getConsultationPanelData(as(fake, UNDP), undefined)).toThrow(/Only the Secretariat/);
    const data = RPC_HANDLERS.getConsultationPanelData(as(fake, SECRETARIAT), undefined);
    expect(inbox(fake)).toEqual([]);
    expect(data.consultations.map((c) => c.id)).toEqual(['C-2026-01']);
    expect(data.consultations[0]?.answers.map((a) => [a.agency, a.answer, a.comment, a.pending])).toEqual([
      ['IOM', '', '', false],
      ['UNRC', '', '', false],
      ['UNDP', 'Approve', 'Fine.', false],
    ]);
  });

  it('a tick on a workbook whose Answers tab lost its header keeps the answers in the inbox and sends the rest', () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    expect(answerConsultation(as(fake, UNDP), { id: 'C-2026-01', answer: 'Approve' })).toEqual({ ok: true });
    fake.setSheetValues('Answers', [['Notes', '', '', '', '', '']]);
    hourlyTick(as(fake, SECRETARIAT));
    expect(inbox(fake)).toHaveLength(1);
    expect(proposals(fake, 'C-2026-01')).toEqual([SECRETARIAT, UNRC, UNDP]);
  });

  it('opening the sidebar records the answers waiting, for the Secretariat only', () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    expect(answerConsultation(as(fake, UNDP), { id: 'C-2026-01', answer: 'No objection' })).toEqual({ ok: true });
    RPC_HANDLERS.getDecisionSidebarData(as(fake, UNDP), undefined);
    expect(inbox(fake)).toHaveLength(1);
    RPC_HANDLERS.getDecisionSidebarData(as(fake, SECRETARIAT), undefined);
    expect(inbox(fake)).toEqual([]);
    expect(answers(fake)).toEqual([`C-2026-01 UNDP No objection  ${UNDP}`]);
  });

  it('an Approval consultation is agreed only when every member asked approved, and waits for the Secretariat to close it', () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), { ...OPEN, kind: 'Approval' });
    for (const user of [SECRETARIAT, UNRC])
      expect(answerConsultation(as(fake, user), { id: 'C-2026-01', answer: 'Approve' })).toEqual({ ok: true });
    expect(closeConsultation(as(fake, SECRETARIAT), { id: 'C-2026-01' })).toEqual({
      ok: false,
      errors: ['C-2026-01 is open until 2026-06-24 and UNDP has not answered yet.'],
    });
    expect(answerConsultation(as(fake, UNDP), { id: 'C-2026-01', answer: 'Abstain' })).toEqual({ ok: true });
    vi.setSystemTime(new Date(2026, 5, 25, 10, 0, 0));
    hourlyTick(as(fake, SECRETARIAT));
    expect(decodeTable(ConsultationsTable, fake.sheetValues('Consultations')).records[0]!.status).toBe('Open');
    expect(closeConsultation(as(fake, SECRETARIAT), { id: 'C-2026-01' })).toMatchObject({
      ok: true,
      decisionDraft: { consulted: ['IOM', 'UNRC', 'UNDP'], objections: [], outcome: 'Not adopted' },
    });
    expect(decodeTable(ConsultationsTable, fake.sheetValues('Consultations')).records[0]!.outcome).toBe('Not agreed');
  });

  it('a close may record another outcome than the answers give, and the Log says which they gave', () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), { ...OPEN, kind: 'Approval' });
    vi.setSystemTime(new Date(2026, 5, 25, 10, 0, 0));
    expect(closeConsultation(as(fake, SECRETARIAT), { id: 'C-2026-09' })).toEqual({
      ok: false,
      errors: ['C-2026-09 is not a consultation of the Consultations tab.'],
    });
    expect(closeConsultation(as(fake, SECRETARIAT), { id: 'C-2026-01', outcome: 'Agreed' })).toMatchObject({
      ok: true,
      decisionDraft: { outcome: 'Adopted' },
    });
    const closed = decodeTable(LogTable, fake.sheetValues('Log')).records.find(
      (e) => e.event === 'Consultation closed',
    );
    expect(closed?.details).toBe('Agreed (recorded by the Secretariat; the answers give Not agreed): 0 answers of 3');
  });
});

describe('withdrawing a consultation, sending at once, and the decision it leads to', () => {
  const log = (fake: GasFake, event: string) =>
    decodeTable(LogTable, fake.sheetValues('Log'))
      .records.filter((e) => e.event === event)
      .map((e) => `${e.outcome} ${e.ref} ${e.details}`);
  const notices = (fake: GasFake) => fake.sentMail.filter((m) => m.subject.includes('withdrawn'));

  it('"Send now" sends the proposals at once, for the Secretariat only, and the tick sends nothing again', () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    expect(() => sendConsultationsNow(as(fake, UNDP))).toThrow('Only the Secretariat can send the consultations now');
    expect(fake.sentMail).toEqual([]);
    const sent = sendConsultationsNow(as(fake, SECRETARIAT));
    expect(sent.ok && sent.lines).toEqual([
      expect.stringContaining("Sent: C-2026-01's proposal to IOM"),
      expect.stringContaining("Sent: C-2026-01's proposal to UNRC"),
      expect.stringContaining("Sent: C-2026-01's proposal to UNDP"),
    ]);
    hourlyTick(as(fake, SECRETARIAT));
    expect(proposals(fake, 'C-2026-01')).toEqual([SECRETARIAT, UNRC, UNDP]);
  });

  it('a withdrawal writes Withdrawn, tells the members once with the reason, and refuses later answers', () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    hourlyTick(as(fake, SECRETARIAT));
    expect(() => withdrawConsultation(as(fake, UNDP), { id: 'C-2026-01' })).toThrow(
      'Only the Secretariat can withdraw a consultation',
    );
    const result = withdrawConsultation(as(fake, SECRETARIAT), { id: 'C-2026-01', reason: 'UNHCR asked to wait' });
    expect(result).toMatchObject({ ok: true, changed: true });
    const row = decodeTable(ConsultationsTable, fake.sheetValues('Consultations')).records[0]!;
    expect([row.status, row.outcome, row.closedOn]).toEqual(['Withdrawn', null, '2026-06-15']);
    expect(log(fake, 'Consultation withdrawn')).toEqual(['Done C-2026-01 UNHCR asked to wait']);
    expect(notices(fake).map((m) => m.to)).toEqual([['migration.uz@one.un.org']]);
    expect(notices(fake)[0]!.body).toContain('Reason: UNHCR asked to wait');

    expect(withdrawConsultation(as(fake, SECRETARIAT), { id: 'C-2026-01' })).toMatchObject({
      ok: true,
      changed: false,
    });
    hourlyTick(as(fake, SECRETARIAT));
    expect(notices(fake)).toHaveLength(1);
    expect(answerConsultation(as(fake, UNDP), { id: 'C-2026-01', answer: 'Approve' })).toEqual({
      ok: false,
      errors: ['C-2026-01 is withdrawn: it takes no more answers.'],
    });
    expect(inbox(fake)).toEqual([]);
  });

  it('a consultation withdrawn before its proposal went out needs no notice', () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    withdrawConsultation(as(fake, SECRETARIAT), { id: 'C-2026-01' });
    hourlyTick(as(fake, SECRETARIAT));
    expect(fake.sentMail).toEqual([]);
  });

  it('an execution killed after sending the withdrawal notice never sends it again', () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    hourlyTick(as(fake, SECRETARIAT));
    fake.mail.afterSend = (m) => {
      if (m.subject.includes('withdrawn')) fake.kill();
    };
    expect(() => withdrawConsultation(as(fake, SECRETARIAT), { id: 'C-2026-01' })).toThrow(
      'Exceeded maximum execution time',
    );
    fake.mail.afterSend = null;
    hourlyTick(as(fake, SECRETARIAT));
    hourlyTick(as(fake, SECRETARIAT));
    expect(notices(fake)).toHaveLength(1);
    expect(log(fake, 'Delivery unconfirmed').map((l) => l.split(' ')[1])).toEqual(['C-2026-01']);
  });

  it("recording the drafted decision names it in the consultation's Decision column, once", () => {
    const fake = install();
    openConsultation(as(fake, SECRETARIAT), OPEN);
    vi.setSystemTime(new Date(2026, 5, 25, 10, 0, 0));
    const closed = closeConsultation(as(fake, SECRETARIAT), { id: 'C-2026-01' });
    if (!closed.ok) throw new Error(closed.errors.join('; '));
    const { decisionDraft: draft } = closed;
    const input = { ...draft, stateRelevant: false, stateConsultedOn: '', gcmObjectives: [], confirmed: true };
    const saved = recordDecision(as(fake, SECRETARIAT), input);
    expect(decodeTable(ConsultationsTable, fake.sheetValues('Consultations')).records[0]!.decision).toBe(saved.id);
    recordDecision(as(fake, SECRETARIAT), { ...input, title: 'A second one' });
    expect(decodeTable(ConsultationsTable, fake.sheetValues('Consultations')).records[0]!.decision).toBe(saved.id);
  });
});
