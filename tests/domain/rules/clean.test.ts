import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/domain/rules';
import { azerbaijan, check, uzbekistan } from './support';
import { RULE_IDS } from '../../../src/domain/rules/ids';

describe('a network that keeps its ToR', () => {
  it('has no findings under the Uzbekistan ToR', () => {
    expect(check(uzbekistan())).toEqual([]);
  });

  it('has no findings under the Azerbaijan ToR', () => {
    expect(check(azerbaijan())).toEqual([]);
  });

  it("has one rule for each row of RULES.md, in its order (RULE_IDS is RULES.md's list)", () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });
});
