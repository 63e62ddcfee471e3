/** The workbook contract itself: unreadable cells, repeated IDs, references that point at nothing. */
import type { DecodedTable, Located } from '../codec';
import { tableNamed, type TabName } from '../tables';
import { finding, unknownCodes, type KeySet, type RuleContext, type RuleDef, withClauses } from './context';
import { joinFew, keyOf } from '../words';
import { t } from '../i18n';
import type { Finding } from './finding';
import type { BaselineTable } from './clauses';

function invalid(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('data.invalid');
  return ctx.network.allProblems.map((p) =>
    finding('data.invalid', 'error', {
      sheet: (tableNamed(p.sheet)?.name ?? 'Settings') as TabName,
      row: p.row,
      ref: p.ref,
      message: t('rules.data.invalid', {
        sheet: p.sheet,
        rowed: p.row === null ? 'no' : 'yes',
        row: p.row ?? '',
        columned: p.column === null ? 'no' : 'yes',
        column: p.column ?? '',
        problem: p.message,
      }),
      clause,
      fix:
        p.row !== null && p.row > 1 && p.column !== null
          ? p.expected === null
            ? t('rules.data.invalid-fix', { sheet: p.sheet, row: p.row, column: p.column })
            : t('rules.data.invalid-fix-expected', {
                sheet: p.sheet,
                row: p.row,
                column: p.column,
                expected: p.expected,
              })
          : t('rules.data.invalid-fix-add', {
              known: p.expected === null ? 'no' : 'yes',
              expected: p.expected ?? '',
              sheet: p.sheet,
            }),
    }),
  );
}

function duplicates<T>(
  ctx: RuleContext,
  sheet: TabName,
  table: DecodedTable<T>,
  key: (r: Located<T>) => string,
  what: 'agency' | 'id',
): Finding[] {
  const first = new Map<string, number>();
  const out: Finding[] = [];
  for (const r of table.records) {
    const k = keyOf(key(r));
    if (k === '') continue;
    const earlier = first.get(k);
    if (earlier === undefined) {
      first.set(k, r.row);
      continue;
    }
    const id = key(r).trim();
    out.push(
      finding('data.duplicate-id', 'error', {
        sheet,
        row: r.row,
        ref: id,
        message: t('rules.data.duplicate', { sheet, row: r.row, what, id, earlier }),
        clause: ctx.clause('data.duplicate-id'),
        fix:
          what === 'agency'
            ? t('rules.data.duplicate-agency-fix', { id, earlier, row: r.row })
            : t('rules.data.duplicate-fix', { id, earlier, row: r.row }),
      }),
    );
  }
  return out;
}

/** The same setting on two rows: the first counts, and a secretariat changing the second would see nothing happen. */
function duplicateSettings(ctx: RuleContext): Finding[] {
  return ctx.network.settingDuplicates.map((d) =>
    finding('data.duplicate-id', 'error', {
      sheet: 'Settings',
      row: d.row,
      ref: d.setting,
      message: t('rules.data.duplicate-setting', { row: d.row, setting: d.setting, first: d.first }),
      clause: ctx.clause('data.duplicate-id'),
      fix: t('rules.data.duplicate-setting-fix', { row: d.row, setting: d.setting, first: d.first }),
    }),
  );
}

function duplicateId(ctx: RuleContext): Finding[] {
  const n = ctx.network;
  return [
    ...duplicateSettings(ctx),
    ...duplicates(ctx, 'Members', n.members, (r) => r.agency, 'agency'),
    ...duplicates(ctx, 'Meetings', n.meetings, (r) => r.id, 'id'),
    ...duplicates(ctx, 'Decisions', n.decisions, (r) => r.id, 'id'),
    ...duplicates(ctx, 'Actions', n.actions, (r) => r.id, 'id'),
    ...duplicates(ctx, 'Workplan', n.workplan, (r) => r.id, 'id'),
    ...duplicates(ctx, 'Working groups', n.groups, (r) => r.id, 'id'),
    ...duplicates(ctx, 'Consultations', n.consultations, (r) => r.id, 'id'),
  ];
}

interface Check<T> {
  readonly sheet: TabName;
  readonly table: DecodedTable<T>;
  readonly ref: (r: Located<T>) => string;
  readonly column: string;
  readonly codes: (r: Located<T>) => readonly string[];
  /** The maps the codes may be found in. */
  readonly targets: readonly KeySet[];
  /** What the codes should be, which the message names: "an agency in Members". */
  readonly target: 'agency' | 'consultation' | 'meeting' | 'source' | 'decision';
}

function references<T>(ctx: RuleContext, check: Check<T>, out: Finding[]): void {
  const clause = ctx.clause('data.reference');
  for (const r of check.table.records) {
    // unknownCodes passes over blank codes.
    const missing = check.targets.reduce((left, target) => unknownCodes(left, target), check.codes(r));
    if (missing.length === 0) continue;
    const ref = check.ref(r).trim();
    const codes = joinFew(missing.map((c) => `"${c}"`));
    out.push(
      finding('data.reference', 'error', {
        sheet: check.sheet,
        row: r.row,
        ref: ref === '' ? null : ref,
        message: t('rules.data.reference', {
          sheet: check.sheet,
          row: r.row,
          reffed: ref ? 'yes' : 'no',
          ref,
          column: check.column,
          codes,
          count: missing.length,
          target: check.target,
        }),
        clause,
        fix: t('rules.data.reference-fix', { codes, column: check.column, target: check.target }),
      }),
    );
  }
}

function reference(ctx: RuleContext): Finding[] {
  const n = ctx.network;
  const out: Finding[] = [];
  if (n.members.header !== null) {
    const agency = { targets: [ctx.exists.members], target: 'agency' as const };
    references(
      ctx,
      {
        ...agency,
        sheet: 'Focal points',
        table: n.focalPoints,
        ref: (r) => r.agency,
        column: 'Agency',
        codes: (r) => [r.agency],
      },
      out,
    );
    references(
      ctx,
      {
        ...agency,
        sheet: 'Meetings',
        table: n.meetings,
        ref: (r) => r.id,
        column: 'Chaired by',
        codes: (r) => r.chairedBy,
      },
      out,
    );
    references(
      ctx,
      {
        ...agency,
        sheet: 'Meetings',
        table: n.meetings,
        ref: (r) => r.id,
        column: 'Attendees',
        codes: (r) => r.attendees,
      },
      out,
    );
    references(
      ctx,
      {
        ...agency,
        sheet: 'Decisions',
        table: n.decisions,
        ref: (r) => r.id,
        column: 'Consulted',
        codes: (r) => r.consulted,
      },
      out,
    );
    references(
      ctx,
      {
        ...agency,
        sheet: 'Decisions',
        table: n.decisions,
        ref: (r) => r.id,
        column: 'Objections',
        codes: (r) => r.objections,
      },
      out,
    );
    references(
      ctx,
      {
        ...agency,
        sheet: 'Decisions',
        table: n.decisions,
        ref: (r) => r.id,
        column: 'Subject',
        codes: (r) => (r.kind === 'Admission' ? [r.subject] : []),
      },
      out,
    );
    references(
      ctx,
      { ...agency, sheet: 'Actions', table: n.actions, ref: (r) => r.id, column: 'Owner', codes: (r) => [r.owner] },
      out,
    );
    references(
      ctx,
      {
        ...agency,
        sheet: 'Workplan',
        table: n.workplan,
        ref: (r) => r.id,
        column: 'Lead agency',
        codes: (r) => [r.leadAgency],
      },
      out,
    );
    references(
      ctx,
      {
        ...agency,
        sheet: 'Workplan',
        table: n.workplan,
        ref: (r) => r.id,
        column: 'Partner agencies',
        codes: (r) => r.partnerAgencies,
      },
      out,
    );
    references(
      ctx,
      {
        ...agency,
        sheet: 'Working groups',
        table: n.groups,
        ref: (r) => r.id,
        column: 'Lead agency',
        codes: (r) => [r.leadAgency],
      },
      out,
    );
    references(
      ctx,
      {
        ...agency,
        sheet: 'Working groups',
        table: n.groups,
        ref: (r) => r.id,
        column: 'Members',
        codes: (r) => r.members,
      },
      out,
    );
    references(
      ctx,
      {
        ...agency,
        sheet: 'Consultations',
        table: n.consultations,
        ref: (r) => r.id,
        column: 'Subject',
        codes: (r) => [r.subject],
      },
      out,
    );
    references(
      ctx,
      {
        ...agency,
        sheet: 'Answers',
        table: n.answers,
        ref: (r) => r.consultation,
        column: 'Agency',
        codes: (r) => [r.agency],
      },
      out,
    );
  }
  if (n.consultations.header !== null) {
    const consultation = { targets: [ctx.exists.consultations], target: 'consultation' as const };
    references(
      ctx,
      {
        ...consultation,
        sheet: 'Decisions',
        table: n.decisions,
        ref: (r) => r.id,
        column: 'Consultation',
        codes: (r) => [r.consultation],
      },
      out,
    );
    references(
      ctx,
      {
        ...consultation,
        sheet: 'Answers',
        table: n.answers,
        ref: (r) => r.consultation,
        column: 'Consultation',
        codes: (r) => [r.consultation],
      },
      out,
    );
  }
  const decisions = n.decisions.header !== null;
  const meetings = n.meetings.header !== null;
  if (meetings) {
    references(
      ctx,
      {
        sheet: 'Decisions',
        table: n.decisions,
        ref: (r) => r.id,
        column: 'Meeting',
        codes: (r) => [r.meeting],
        targets: [ctx.exists.meetings],
        target: 'meeting',
      },
      out,
    );
  }
  if (meetings && decisions) {
    references(
      ctx,
      {
        sheet: 'Actions',
        table: n.actions,
        ref: (r) => r.id,
        column: 'Source',
        codes: (r) => [r.source],
        targets: [ctx.exists.decisions, ctx.exists.meetings],
        target: 'source',
      },
      out,
    );
  }
  if (decisions) {
    const decision = { targets: [ctx.exists.decisions], target: 'decision' as const };
    references(
      ctx,
      {
        ...decision,
        sheet: 'Members',
        table: n.members,
        ref: (r) => r.agency,
        column: 'Admission decision',
        codes: (r) => [r.admissionDecision],
      },
      out,
    );
    references(
      ctx,
      {
        ...decision,
        sheet: 'Working groups',
        table: n.groups,
        ref: (r) => r.id,
        column: 'Established by',
        codes: (r) => [r.establishedBy],
      },
      out,
    );
    references(
      ctx,
      {
        ...decision,
        sheet: 'Consultations',
        table: n.consultations,
        ref: (r) => r.id,
        column: 'Decision',
        codes: (r) => [r.decision],
      },
      out,
    );
  }
  return out;
}

/** The workbook contract each rule below enforces, cited in its findings. */
const BASELINES: BaselineTable = {
  'data.invalid': 'rules.baseline.data-invalid',
  'data.duplicate-id': 'rules.baseline.data-duplicate-id',
  'data.reference': 'rules.baseline.data-reference',
};

export const DATA_RULES: readonly RuleDef[] = /* @__PURE__ */ withClauses(
  [
    { id: 'data.invalid', sheet: 'Settings', needs: [], run: invalid },
    { id: 'data.duplicate-id', sheet: 'Settings', needs: [], run: duplicateId },
    { id: 'data.reference', sheet: 'Settings', needs: [], run: reference },
  ],
  {},
  BASELINES,
);
