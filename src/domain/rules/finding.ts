/**
 * A finding of the ToR compliance check, with exactly the fields of RULES.md, so that the Compliance
 * tab, the CLI's JSON and the reports all carry the same record.
 */
import { clipText } from '../cells';
import { t } from '../i18n';
import type { SEVERITIES, TabName } from '../tables';
import type { RuleId } from './ids';

export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly sheet: TabName;
  /** The row as the spreadsheet numbers it; null where no row fits. */
  readonly row: number | null;
  /** An ID, an agency code or a year as text; null only where RULES.md says so. */
  readonly ref: string | null;
  readonly message: string;
  readonly clause: string;
  readonly fix: string;
}

/** No finding's message (nor its fix, which may quote a cell too) is longer: the Compliance tab, a toast and a terminal line stay readable. */
export const MESSAGE_LIMIT = 500;

/** No finding's ref is longer: an ID or an agency code is a few characters, and the ref is what a cell held. */
export const REF_LIMIT = 60;

/**
 * The finding with its texts cut to their limits: a cell's text can be as long as a person typed
 * it, and one text used in many rows would otherwise be printed as often.
 */
export function clipped(finding: Finding): Finding {
  const { message, fix, ref } = finding;
  if (message.length <= MESSAGE_LIMIT && fix.length <= MESSAGE_LIMIT && (ref === null || ref.length <= REF_LIMIT))
    return finding;
  return {
    ...finding,
    message: clipText(message, MESSAGE_LIMIT),
    fix: clipText(fix, MESSAGE_LIMIT),
    ref: ref === null ? null : clipText(ref, REF_LIMIT),
  };
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * What a person reads for each severity (RULES.md), in the execution's language: a colleague's words,
 * not an auditor's. The JSON and the Compliance tab's Severity column keep the ids.
 */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  get error() {
    return t('rules.severity.error');
  },
  get warning() {
    return t('rules.severity.warning');
  },
  get info() {
    return t('rules.severity.info');
  },
};

/** "2 not in line with the ToR, 1 needs attention, 3 notes" as a person reads it. */
export function describeCounts(counts: SeverityCounts): string {
  return t('rules.counts', { error: counts.error, warning: counts.warning, info: counts.info });
}
