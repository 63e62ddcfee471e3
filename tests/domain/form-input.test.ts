import { describe, expect, it } from 'vitest';
import { MAX_ACTIONS, parseDecisionInput, parseMeetingInput, TEXT_LIMITS } from '../../src/domain/form-input';

const decision = {
  date: '2026-03-10',
  meeting: '',
  kind: 'General',
  title: '  Adopt the plan  ',
  decision: '',
  subject: '',
  consulted: ['IOM'],
  objections: [],
  outcome: 'Adopted',
  stateRelevant: false,
  stateConsultedOn: '',
  gcmObjectives: [1, 23],
};

const meeting = {
  id: '',
  version: '',
  date: '2026-03-10',
  kind: 'Regular',
  mode: '',
  title: 'Regular meeting',
  chairedBy: [],
  status: 'Planned',
  agendaCirculatedOn: '',
  attendees: ['IOM'],
  minutesLink: '',
  minutesApprovedOn: '',
};

const messages = (parsed: { ok: boolean; errors?: readonly { message: string }[] }) =>
  parsed.errors?.map((e) => e.message);

describe('the decision form checked in plain code', () => {
  it('takes a good payload trimmed, and only the fields it knows', () => {
    const parsed = parseDecisionInput({ ...decision, extra: '<script>', __proto__: { kind: 'Opinion' } });
    expect(parsed).toEqual({ ok: true, value: { ...decision, title: 'Adopt the plan' } });
  });

  it('says what is wrong once per field, in the order of the form', () => {
    expect(messages(parseDecisionInput({ ...decision, date: 7, title: ' ', consulted: 'IOM' }))).toEqual([
      'Date: must be a date YYYY-MM-DD',
      'Title: give the decision a short title',
      'Consulted: is not in the expected form',
    ]);
    expect(messages(parseDecisionInput([]))).toEqual(['the decision could not be read']);
  });

  it('tells a day outside the years apart from text that is no day, blank allowed where it is', () => {
    expect(messages(parseDecisionInput({ ...decision, stateConsultedOn: '1899-12-31' }))).toEqual([
      'State consulted on: must be a date from 1900 to 2100',
    ]);
    expect(messages(parseDecisionInput({ ...decision, stateConsultedOn: 12 }))).toEqual([
      'State consulted on: must be a date YYYY-MM-DD',
    ]);
  });

  it('tells too many actions before what is wrong with any one of them', () => {
    const bad = { id: '', action: 'x'.repeat(TEXT_LIMITS.action + 1), owner: 'IOM', due: '' };
    expect(messages(parseDecisionInput({ ...decision, actions: Array(MAX_ACTIONS + 1).fill(bad) }))).toEqual([
      `Follow-up actions: must be at most ${MAX_ACTIONS} actions`,
    ]);
    expect(messages(parseDecisionInput({ ...decision, actions: [bad] }))).toEqual([
      `Follow-up actions: must be at most ${TEXT_LIMITS.action} characters`,
    ]);
    expect(messages(parseDecisionInput({ ...decision, actions: [{ ...bad, action: 'a', due: 'soon' }] }))).toEqual([
      'Follow-up actions: must be a date YYYY-MM-DD',
    ]);
    expect(messages(parseDecisionInput({ ...decision, actions: [{ action: 'a' }] }))).toEqual([
      'Follow-up actions: each needs an action, an owner and a due date YYYY-MM-DD (or none)',
    ]);
  });
});

describe('the meeting form checked in plain code', () => {
  it('takes a good payload as it is', () => {
    expect(parseMeetingInput(meeting)).toEqual({ ok: true, value: meeting });
  });

  it('names each field that fails, a value of no expected form said so', () => {
    expect(
      messages(parseMeetingInput({ ...meeting, date: undefined, mode: 'By post', minutesApprovedOn: '2026-02-30' })),
    ).toEqual([
      'Date: is not in the expected form',
      'Mode: is not in the expected form',
      'Minutes approved on: must be a date YYYY-MM-DD',
    ]);
    expect(messages(parseMeetingInput(null))).toEqual(['the meeting could not be read']);
  });
});
