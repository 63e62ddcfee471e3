/**
 * The check as a whole: on a network of a thousand members, where a decision that consulted three of
 * them misses 997, every finding stays short; the list ends "… and N more".
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE_LIMIT } from '../../../src/domain/rules/finding';
import { check, uzbekistan } from './support';

function thousandMembers() {
  const spec = uzbekistan();
  for (let i = 0; i < 997; i++) {
    spec.members.push({
      agency: `AG${i}`,
      name: `Agency ${i}`,
      roles: ['Member'],
      status: 'Active',
      joinedOn: '2025-12-01',
    });
    spec.focalPoints.push({
      agency: `AG${i}`,
      name: `Person ${i}`,
      email: `p${i}@un.org`,
      kind: 'Primary',
      active: true,
    });
  }
  spec.decisions.push({
    id: 'D-2026-03',
    date: '2026-03-01',
    kind: 'Admission',
    subject: 'AG5',
    title: 'Admit AG5',
    consulted: ['IOM', 'UNRC', 'UNDP', ...Array.from({ length: 400 }, (_, i) => `ZZ${i}`)],
    outcome: 'Adopted',
  });
  spec.actions.push({
    id: 'A-2026-002',
    source: 'D-2026-01',
    action: 'x'.repeat(5000),
    owner: 'NOBODY'.repeat(200),
    due: '2026-07-01',
    status: 'Open',
  });
  return spec;
}

describe('the check on a network of 1,000 members', () => {
  const findings = check(thousandMembers());

  it(`keeps every message within ${MESSAGE_LIMIT} characters`, () => {
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.message.length, `${f.rule} ${f.ref}`).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });

  it('ends a long list of members with how many more there are', () => {
    const consensus = findings.filter((f) => f.rule === 'decisions.consensus');
    expect(consensus.map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/… and 9\d\d more were members that day/)]),
    );
  });
});
