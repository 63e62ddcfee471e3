/**
 * Running rules over a network, each guarded so that one rule's failure never stops the others. Apart
 * from index.ts (which holds RULES) so that a bundle that runs a few rules (the sidebar's guidance)
 * carries only those.
 */
import type { IsoDay } from '../dates';
import type { Network } from '../network';
import { TAB_NAMES } from '../choices';
import type { TabName } from '../tables';
import { buildContext, type RuleDef } from './context';
import { clipped, SEVERITY_ORDER, type Finding } from './finding';
import { errorText } from '../errors';
import { t } from '../i18n';

const TAB_ORDER = new Map<string, number>(TAB_NAMES.map((name, i) => [name, i]));

/** Errors first, then warnings, then infos; within each, tab order, then row (tab-wide findings first). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    (TAB_ORDER.get(a.sheet) ?? 99) - (TAB_ORDER.get(b.sheet) ?? 99) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    a.rule.localeCompare(b.rule)
  );
}

function failed(rule: RuleDef, error: unknown): Finding {
  return {
    rule: rule.id,
    severity: 'error',
    sheet: rule.sheet,
    row: null,
    ref: null,
    message: t('rules.failed.message', { rule: rule.id, error: errorText(error) }),
    clause: t('rules.failed.clause'),
    fix: t('rules.failed.fix'),
  };
}

/** The tabs that exist with a header row: a rule that needs another stays silent (data.invalid reports the tab). */
function readableTabs(n: Network): Set<TabName> {
  const tables: [TabName, { header: unknown }][] = [
    ['Members', n.members],
    ['Focal points', n.focalPoints],
    ['Meetings', n.meetings],
    ['Decisions', n.decisions],
    ['Actions', n.actions],
    ['Workplan', n.workplan],
    ['Working groups', n.groups],
    ['Consultations', n.consultations],
    ['Answers', n.answers],
    ['Log', n.log],
  ];
  return new Set(tables.filter(([, t]) => t.header !== null).map(([name]) => name));
}

/** Runs the rules given; the findings come sorted (see compareFindings). */
export function runRules(network: Network, today: IsoDay, rules: readonly RuleDef[]): Finding[] {
  const ctx = buildContext(
    network,
    today,
    Object.assign({}, ...rules.map((r) => r.quotes)),
    Object.assign({}, ...rules.map((r) => r.baselines)),
  );
  const readable = readableTabs(network);
  const out: Finding[] = [];
  for (const rule of rules) {
    if (!rule.needs.every((tab) => readable.has(tab))) continue;
    try {
      out.push(...rule.run(ctx).map(clipped));
    } catch (error) {
      out.push(clipped(failed(rule, error)));
    }
  }
  return out.sort(compareFindings);
}
