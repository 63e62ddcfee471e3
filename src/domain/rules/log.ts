/** What the Log remembers: the last time an email of a kind went out. */
import type { IsoDay } from '../dates';
import type { RuleContext } from './context';

/** The latest day an event was logged with Outcome Sent, and its row; null when never. */
export function latestLogDay(ctx: RuleContext, event: string): { day: IsoDay; row: number } | null {
  const wanted = event.toLowerCase();
  let best: { day: IsoDay; row: number } | null = null;
  for (const entry of ctx.network.log.records) {
    if (entry.outcome !== 'Sent' || entry.event.trim().toLowerCase() !== wanted) continue;
    const day = entry.timestamp.slice(0, 10);
    if (best === null || day >= best.day) best = { day, row: entry.row };
  }
  return best;
}
