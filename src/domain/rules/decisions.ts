/** The decision log: consensus, the evidence of consultation, consulting the state, and following decisions up with action points. */
import { longDay } from '../dates';
import { t } from '../i18n';
import { clip, finding, keySetOf, unknownCodes, whoAsks, type RuleContext, type RuleDef, withClauses } from './context';
import { joinFew, keyOf } from '../words';
import type { Finding } from './finding';
import { consensusGaps } from './consensus';
import {
  AZ_CONSENSUS,
  AZ_MONITORING,
  AZ_ROLE,
  UZ_CONSENSUS,
  UZ_DOCUMENTED,
  UZ_MEMBERSHIP,
  UZ_SECRETARIAT,
  type BaselineTable,
  type ClauseTable,
} from './clauses';
import { STATE_CONSULTATION_BODY } from '../setting-labels';

/** The ToR words these rules enforce (quoted exactly: a test checks each against the ToR text). */
// @i18n-exempt: ToR quotations stay in the ToR's own words (English), labelled as such in Russian
const QUOTES: ClauseTable = {
  'decisions.consensus': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_CONSENSUS] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_CONSENSUS] },
  },
  'decisions.evidence': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_CONSENSUS] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_CONSENSUS] },
  },
  'decisions.state-consultation': {
    azerbaijan: {
      section: AZ_ROLE,
      words: [
        'on all issues relevant to or of concern to the state, with the State Migration Service under the Government of Azerbaijan',
      ],
    },
  },
  'decisions.follow-up': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MONITORING] },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
};

function consensus(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('decisions.consensus');
  const out: Finding[] = [];
  for (const d of ctx.network.decisions.records) {
    if (d.outcome !== 'Adopted') continue;
    const { missing, objections } = consensusGaps(ctx, d, d.kind === 'Admission' ? d.subject : '');
    if (missing.length === 0 && objections.length === 0) continue;
    const gaps = {
      id: d.id,
      missing: joinFew(missing),
      missingCount: missing.length,
      objections: joinFew(objections),
      objectionCount: objections.length,
      both: missing.length > 0 && objections.length > 0 ? 'yes' : 'no',
    };
    out.push(
      finding('decisions.consensus', 'error', {
        sheet: 'Decisions',
        row: d.row,
        ref: d.id,
        message: t('rules.consensus.message', {
          ...gaps,
          date: longDay(d.date),
          titled: d.title ? 'yes' : 'no',
          title: clip(d.title),
          asks: whoAsks(ctx, clause),
        }),
        clause,
        fix: t('rules.consensus.fix', gaps),
      }),
    );
  }
  return out;
}

/**
 * Consulted is a record of what happened: at a meeting, the members that attended it; beyond them,
 * those a written consultation reached (an answer, or silence where silence is agreement).
 */
function evidence(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('decisions.evidence');
  const out: Finding[] = [];
  for (const d of ctx.network.decisions.records) {
    if (d.outcome !== 'Adopted') continue;
    const consultation = ctx.consultations.get(keyOf(d.consultation));
    if (d.meeting.trim() === '') {
      if (d.consultation.trim() !== '') continue;
      out.push(
        finding('decisions.evidence', 'info', {
          sheet: 'Decisions',
          row: d.row,
          ref: d.id,
          message: t('rules.evidence.no-meeting', {
            id: d.id,
            date: longDay(d.date),
            titled: d.title ? 'yes' : 'no',
            title: clip(d.title),
          }),
          clause,
          fix: t('rules.evidence.no-meeting-fix', { id: d.id }),
        }),
      );
      continue;
    }
    const meeting = ctx.meetings.get(keyOf(d.meeting));
    // A meeting that is not on record is data.reference's; one without attendance, meetings.attendance's.
    if (meeting === undefined || meeting.attendees.length === 0) continue;
    const attended = keySetOf(meeting.attendees);
    // A withdrawn consultation asked nothing; silence is agreement only once a No objection one closed agreed.
    const asked = consultation !== undefined && consultation.status !== 'Withdrawn' ? consultation : undefined;
    const reached = new Set<string>();
    if (asked !== undefined) {
      for (const agency of ctx.answersTo(asked.id).keys()) reached.add(agency);
      if (asked.kind === 'No objection' && asked.status === 'Closed' && asked.outcome === 'Agreed')
        for (const key of ctx.activeKeysOn(asked.openedOn)) reached.add(key);
    }
    const beyond = unknownCodes(d.consulted, { has: (key) => attended.has(key) || reached.has(key) });
    if (beyond.length === 0) continue;
    const named = joinFew(beyond);
    out.push(
      finding('decisions.evidence', 'warning', {
        sheet: 'Decisions',
        row: d.row,
        ref: d.id,
        message: t('rules.evidence.absent', {
          id: d.id,
          date: longDay(d.date),
          meeting: meeting.id,
          beyond: named,
          count: beyond.length,
          named: consultation === undefined ? 'no' : 'yes',
          consultation: consultation?.id ?? '',
          asks: whoAsks(ctx, clause),
        }),
        clause,
        fix: t('rules.evidence.absent-fix', { id: d.id, beyond: named, count: beyond.length }),
      }),
    );
  }
  return out;
}

function stateConsultation(ctx: RuleContext): Finding[] {
  const body = ctx.settings.stateConsultationBody.trim();
  if (body === '') return [];
  const clause = ctx.clause('decisions.state-consultation', STATE_CONSULTATION_BODY);
  const out: Finding[] = [];
  for (const d of ctx.network.decisions.records) {
    if (d.outcome !== 'Adopted' || d.stateRelevant !== true || d.invalid.includes('stateConsultedOn')) continue;
    const on = d.stateConsultedOn;
    if (on !== null && on <= d.date) continue;
    out.push(
      finding('decisions.state-consultation', 'error', {
        sheet: 'Decisions',
        row: d.row,
        ref: d.id,
        message:
          on === null
            ? t('rules.state-consultation.missing', { id: d.id, date: longDay(d.date), body })
            : t('rules.state-consultation.late', { id: d.id, date: longDay(d.date), body, on: longDay(on) }),
        clause,
        fix:
          on === null
            ? t('rules.state-consultation.missing-fix', { id: d.id, body })
            : t('rules.state-consultation.late-fix', { id: d.id, body }),
      }),
    );
  }
  return out;
}

function followUp(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('decisions.follow-up');
  return ctx.network.decisions.records
    .filter((d) => d.outcome === 'Adopted' && d.kind === 'General' && !ctx.actionsBySource.has(keyOf(d.id)))
    .map((d) =>
      finding('decisions.follow-up', 'info', {
        sheet: 'Decisions',
        row: d.row,
        ref: d.id,
        message: t('rules.follow-up.message', {
          id: d.id,
          date: longDay(d.date),
          titled: d.title ? 'yes' : 'no',
          title: clip(d.title),
        }),
        clause,
        fix: t('rules.follow-up.fix', { id: d.id }),
      }),
    );
}

/** What the rules below hold a network to under the custom profile, where no ToR words apply. */
const BASELINES: BaselineTable = {
  'decisions.evidence': 'rules.baseline.decisions-evidence',
  'decisions.consensus': 'rules.baseline.decisions-consensus',
  'decisions.follow-up': 'rules.baseline.decisions-follow-up',
};

export const DECISION_RULES: readonly RuleDef[] = /* @__PURE__ */ withClauses(
  [
    { id: 'decisions.consensus', sheet: 'Decisions', needs: ['Decisions', 'Members'], run: consensus },
    { id: 'decisions.evidence', sheet: 'Decisions', needs: ['Decisions', 'Meetings'], run: evidence },
    { id: 'decisions.state-consultation', sheet: 'Decisions', needs: ['Decisions'], run: stateConsultation },
    { id: 'decisions.follow-up', sheet: 'Decisions', needs: ['Decisions', 'Actions'], run: followUp },
  ],
  QUOTES,
  BASELINES,
);
