import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/domain/rules';
import { azerbaijan, check, uzbekistan } from './support';

describe('a network that keeps its ToR', () => {
  it('has no findings under the Uzbekistan ToR', () => {
    expect(check(uzbekistan())).toEqual([]);
  });

  it('has no findings under the Azerbaijan ToR', () => {
    expect(check(azerbaijan())).toEqual([]);
  });

  it('has one rule for each row of RULES.md', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'members.roles',
      'members.focal-point',
      'members.corporate-email',
      'members.admission',
      'members.list-shared',
      'meetings.cadence',
      'meetings.annual',
      'meetings.mode',
      'meetings.agenda',
      'meetings.minutes',
      'meetings.circulated',
      'meetings.rco-archive',
      'meetings.attendance',
      'decisions.consensus',
      'decisions.state-consultation',
      'decisions.follow-up',
      'actions.overdue',
      'actions.owner',
      'workplan.exists',
      'workplan.fields',
      'workplan.endorsed',
      'workplan.reported',
      'workplan.overdue',
      'workplan.gcm',
      'groups.members',
      'groups.established',
      'data.invalid',
      'data.duplicate-id',
      'data.reference',
    ]);
  });
});
