/** The indexes every rule shares (context.ts): each must answer as the records themselves would. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActiveOn } from '../../../src/domain/membership';
import { buildContext } from '../../../src/domain/rules/context';
import { keyOf } from '../../../src/domain/words';
import { networkOf, TODAY, uzbekistan } from './support';

const day = fc
  .date({ min: new Date('2019-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('the members active on a day', () => {
  it('are those isActiveOn names, in register order, with their keys beside them, on every day', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ joined: fc.option(day), left: fc.option(day), active: fc.boolean() }), { maxLength: 8 }),
        fc.array(day, { minLength: 1, maxLength: 12 }),
        (changes, days) => {
          const spec = uzbekistan();
          spec.members = spec.members.map((m, i) => {
            const change = changes[i];
            if (change === undefined) return m;
            return {
              ...m,
              joinedOn: change.joined,
              leftOn: change.left,
              status: change.active ? ('Active' as const) : ('Withdrawn' as const),
            };
          });
          const network = networkOf(spec);
          const ctx = buildContext(network, TODAY);
          const members = [...ctx.members.values()];
          // Each day asked twice, in an order of its own, so that a day of a stretch asked before is answered again.
          for (const d of [...days, ...[...days].reverse()]) {
            const expected = members.filter((m) => isActiveOn(m, d));
            expect(ctx.activeOn(d)).toEqual(expected);
            expect(ctx.activeKeysOn(d)).toEqual(expected.map((m) => keyOf(m.agency)));
          }
        },
      ),
    );
  });

  it('are kept once for each stretch between the days members joined or left, not once for each day', () => {
    const spec = uzbekistan();
    spec.members = spec.members.map((m, i) => ({
      ...m,
      joinedOn: i === 0 ? '2026-03-10' : '2020-01-01',
      leftOn: null,
    }));
    const ctx = buildContext(networkOf(spec), TODAY);
    expect(ctx.activeOn('2026-03-11')).toBe(ctx.activeOn('2026-11-30'));
    expect(ctx.activeKeysOn('2026-03-11')).toBe(ctx.activeKeysOn('2026-11-30'));
    expect(ctx.activeOn('2026-03-09')).not.toBe(ctx.activeOn('2026-03-10'));
    expect(ctx.activeOn('2026-03-09')).toHaveLength(ctx.activeOn('2026-03-10').length - 1);
  });
});
