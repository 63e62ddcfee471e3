import { describe, expect, it } from 'vitest';
import { azerbaijan, check, refs, uzbekistan } from './support';

describe('decisions.consensus', () => {
  it('reports an adopted decision that left out an active member, or met an objection', () => {
    const spec = uzbekistan();
    spec.decisions[0]!.consulted = ['IOM', 'unrc '];
    spec.decisions[1]!.objections = ['UNDP'];
    const found = check(spec, undefined, 'decisions.consensus');
    expect(refs(found)).toEqual(['decisions.consensus:D-2026-01', 'decisions.consensus:D-2026-02']);
    expect(found[0]!.message).toBe(
      'D-2026-01 (10 January 2026, "Joint advocacy") is recorded as Adopted, but UNDP was a member that day and is not in Consulted; the ToR asks for consensus based on consultations with all members',
    );
    expect(found[0]!.fix).toContain('Add UNDP to Consulted');
    expect(found[1]!.message).toContain('UNDP objected');
    expect(found[0]!.clause).toBe(
      'Uzbekistan ToR, Composition and Membership: "Decisions relevant to the UNMN work will be made by consensus based on consultations with all its Members"',
    );
  });

  it('counts a member that joins on the decision day and not one that leaves on it', () => {
    const spec = uzbekistan();
    spec.decisions[0]!.consulted = ['IOM', 'UNRC'];
    spec.members[2]!.leftOn = '2026-01-10';
    expect(check(spec, undefined, 'decisions.consensus')).toEqual([]);
    spec.members[2]!.leftOn = undefined;
    spec.members[2]!.joinedOn = '2026-01-10';
    expect(refs(check(spec, undefined, 'decisions.consensus'))).toEqual(['decisions.consensus:D-2026-01']);
    spec.members[2]!.joinedOn = '2026-01-11';
    expect(check(spec, undefined, 'decisions.consensus')).toEqual([]);
  });

  it('asks nothing of a decision that was not adopted, nor of a withdrawn or pending member', () => {
    const spec = uzbekistan();
    spec.decisions[0]!.consulted = ['IOM'];
    spec.decisions[0]!.outcome = 'Pending';
    spec.decisions[1]!.consulted = ['IOM', 'UNRC'];
    spec.members[2]!.status = 'Withdrawn';
    expect(check(spec, undefined, 'decisions.consensus')).toEqual([]);
  });
});

describe('decisions.state-consultation', () => {
  it('asks the Azerbaijan network to consult the State Migration Service on state-relevant decisions, on or before the day', () => {
    const spec = azerbaijan();
    spec.decisions[0]!.stateRelevant = true;
    spec.decisions[0]!.stateConsultedOn = '2026-01-10';
    expect(check(spec, undefined, 'decisions.state-consultation')).toEqual([]);
    spec.decisions[0]!.stateConsultedOn = '2026-01-11';
    const [f] = check(spec, undefined, 'decisions.state-consultation');
    expect(f).toMatchObject({ ref: 'D-2026-01', severity: 'error', row: 2 });
    expect(f!.message).toContain(
      'the State Migration Service was consulted only on 11 January 2026, after the decision',
    );
    expect(f!.clause).toContain(
      '"on all issues relevant to or of concern to the state, with the State Migration Service under the Government of Azerbaijan"',
    );
    spec.decisions[0]!.stateConsultedOn = null;
    expect(check(spec, undefined, 'decisions.state-consultation')[0]!.message).toContain('State consulted on is blank');
  });

  it('is silent under the Uzbekistan ToR and when the body is left blank', () => {
    const uz = uzbekistan();
    uz.decisions[0]!.stateRelevant = true;
    expect(check(uz, undefined, 'decisions.state-consultation')).toEqual([]);
    const az = azerbaijan();
    az.decisions[0]!.stateRelevant = true;
    az.settings.stateConsultationBody = null;
    expect(check(az, undefined, 'decisions.state-consultation')).toEqual([]);
  });
});

describe('decisions.follow-up', () => {
  it('notes an adopted General decision without action points', () => {
    const spec = uzbekistan();
    spec.actions[0]!.source = 'M-2026-01';
    const found = check(spec, undefined, 'decisions.follow-up');
    expect(found).toMatchObject([{ ref: 'D-2026-01', severity: 'info' }]);
    spec.actions[0]!.source = ' d-2026-01';
    expect(check(spec, undefined, 'decisions.follow-up')).toEqual([]);
  });
});

describe('actions.overdue', () => {
  it('warns about an open action past its due day, not on the day', () => {
    const spec = uzbekistan();
    expect(check(spec, '2026-07-01', 'actions.overdue')).toEqual([]);
    const [f] = check(spec, '2026-07-02', 'actions.overdue');
    expect(f).toMatchObject({ ref: 'A-2026-001', severity: 'warning', sheet: 'Actions', row: 2 });
    expect(f!.message).toContain('A-2026-001 (UNDP) was due on 1 July 2026 and is still Open, 1 day late');
    spec.actions[0]!.status = 'Done';
    expect(check(spec, '2026-07-02', 'actions.overdue')).toEqual([]);
  });
});

describe('actions.owner', () => {
  it('reports an open action without an owner, or owned by a member no longer active', () => {
    const spec = uzbekistan();
    spec.actions.push({ id: 'A-2026-002', source: 'D-2026-01', action: 'Map services', status: 'Open' });
    spec.members[2]!.status = 'Withdrawn';
    spec.members[2]!.leftOn = '2026-05-01';
    const found = check(spec, undefined, 'actions.owner');
    expect(refs(found)).toEqual(['actions.owner:A-2026-001', 'actions.owner:A-2026-002']);
    expect(found[0]!.message).toContain(
      'its Owner UNDP is not an active member on 15 June 2026 (Status Withdrawn, left on 1 May 2026)',
    );
  });

  it('reports an Open action whose owner is not in Members, under its own rule and as a broken reference', () => {
    const spec = uzbekistan();
    spec.actions[0]!.owner = 'UNXX';
    expect(check(spec, undefined, 'actions.owner')).toMatchObject([
      { ref: 'A-2026-001', message: expect.stringContaining('UNXX is not a member') },
    ]);
    expect(refs(check(spec, undefined, 'data.reference'))).toEqual(['data.reference:A-2026-001']);
  });
});
