import { it } from 'vitest';
import { checkNetwork } from '../src/domain/rules';
import { networkOf, uzbekistan } from './domain/rules/support';
it('dbg', () => {
  const spec = uzbekistan();
  spec.meetings[1]!.attendees = [];
  spec.decisions[0]!.consulted = ['IOM'];
  for (const f of checkNetwork(networkOf(spec), '2027-01-10')) console.log([f.severity, f.rule, f.sheet, f.row, f.ref].join(' | '));
});
