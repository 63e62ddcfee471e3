import { describe, expect, it } from 'vitest';
import { agenciesOf, askedAgencies, outcomeOf, workingDaysUntil } from '../../src/domain/consultations';
import { keyOf } from '../../src/domain/words';
import { networkOf, uzbekistan } from './rules/support';

describe('workingDaysUntil', () => {
  it('counts Monday to Friday after the first day, up to the last', () => {
    // 2026-06-12 is a Friday.
    expect(workingDaysUntil('2026-06-12', '2026-06-15')).toBe(1);
    expect(workingDaysUntil('2026-06-12', '2026-06-17')).toBe(3);
    expect(workingDaysUntil('2026-06-15', '2026-06-15')).toBe(0);
    expect(workingDaysUntil('2026-06-15', '2026-06-14')).toBe(0);
  });
});

describe('outcomeOf', () => {
  const asked = ['IOM', 'UNRC', 'UNDP'];
  const answers = (pairs: Record<string, string>) =>
    new Map(Object.entries(pairs).map(([k, answer]) => [keyOf(k), { answer }]));

  it('No objection: silence and abstention agree; one objection is enough to refuse', () => {
    expect(outcomeOf('No objection', asked, answers({}))).toBe('Agreed');
    expect(outcomeOf('No objection', asked, answers({ UNDP: 'Abstain' }))).toBe('Agreed');
    expect(outcomeOf('No objection', asked, answers({ UNDP: 'Object' }))).toBe('Not agreed');
  });

  it('Approval: every member asked approves, silence does not', () => {
    expect(outcomeOf('Approval', asked, answers({ IOM: 'Approve', UNRC: 'Approve', UNDP: 'Approve' }))).toBe('Agreed');
    expect(outcomeOf('Approval', asked, answers({ IOM: 'Approve', UNRC: 'Approve' }))).toBe('Not agreed');
    expect(outcomeOf('Approval', asked, answers({ IOM: 'Approve', UNRC: 'Approve', UNDP: 'No objection' }))).toBe(
      'Not agreed',
    );
    expect(outcomeOf('Approval', [], answers({}))).toBe('Not agreed');
  });
});

describe('who answers and who is asked', () => {
  it('an active focal point answers for its member, whatever the case of the address; a member that left does not', () => {
    const spec = uzbekistan();
    spec.members.push({
      agency: 'UNHCR',
      name: 'UN Refugee Agency',
      roles: ['Member'],
      status: 'Withdrawn',
      joinedOn: '2025-12-01',
      leftOn: '2026-03-01',
    });
    spec.focalPoints.push({
      agency: 'UNHCR',
      name: 'Former',
      email: 'former@unhcr.org',
      kind: 'Primary',
      active: true,
    });
    const network = networkOf(spec);
    expect(agenciesOf(network, 'Dilnoza.Yusupova@UNDP.org', '2026-06-15')).toEqual(['UNDP']);
    expect(agenciesOf(network, 'former@unhcr.org', '2026-06-15')).toEqual([]);
    expect(agenciesOf(network, '', '2026-06-15')).toEqual([]);
    // RULES.md's "active on day X" needs Status Active: a member that withdrew is asked on no day.
    expect(askedAgencies(network, { openedOn: '2026-02-01' })).toEqual(['IOM', 'UNRC', 'UNDP']);
    expect(askedAgencies(network, { openedOn: '2025-11-30' })).toEqual([]);
  });
});
