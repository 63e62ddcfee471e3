/** The decision log: consensus, the evidence of consultation, consulting the state, and following decisions up with action points. */
import { longDay } from '../dates';
import { clip, finding, unknownCodes, whoAsks, type RuleContext, type RuleDef } from './context';
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
  type ClauseTable,
} from './clauses';

/** The ToR words these rules enforce (quoted exactly: a test checks each against the ToR text). */
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
    const problems = [
      missing.length > 0
        ? `${joinFew(missing)} ${missing.length === 1 ? 'was a member' : 'were members'} that day and ${missing.length === 1 ? 'is' : 'are'} not in Consulted`
        : '',
      objections.length > 0 ? `${joinFew(objections)} objected` : '',
    ].filter(Boolean);
    const fixes = [
      missing.length > 0
        ? `Add ${joinFew(missing)} to Consulted if ${missing.length === 1 ? 'it was' : 'they were'} consulted; if not, consult ${missing.length === 1 ? 'it' : 'them'} and record the answer`
        : '',
      objections.length > 0
        ? `An objection means no consensus: record ${d.id} as Not adopted or Pending, or clear Objections once the objection is withdrawn`
        : '',
    ].filter(Boolean);
    out.push(
      finding('decisions.consensus', 'error', {
        sheet: 'Decisions',
        row: d.row,
        ref: d.id,
        message: `${d.id} (${longDay(d.date)}${d.title ? `, "${clip(d.title)}"` : ''}) is recorded as Adopted, but ${problems.join(', and ')}; ${whoAsks(clause)} for consensus based on consultations with all members`,
        clause,
        fix: fixes.join('. '),
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
          message: `${d.id} (${longDay(d.date)}${d.title ? `, "${clip(d.title)}"` : ''}) was taken outside a meeting and names no written consultation, so nothing records how the members were asked`,
          clause,
          fix: `Enter the meeting ${d.id} was taken at in Meeting, or the written consultation that asked the members in Consultation`,
        }),
      );
      continue;
    }
    const meeting = ctx.meetings.get(keyOf(d.meeting));
    // A meeting that is not on record is data.reference's; one without attendance, meetings.attendance's.
    if (meeting === undefined || meeting.attendees.length === 0) continue;
    const covered = new Set(meeting.attendees.map(keyOf));
    // A withdrawn consultation asked nothing; silence is agreement only once a No objection one closed agreed.
    const asked = consultation !== undefined && consultation.status !== 'Withdrawn' ? consultation : undefined;
    if (asked !== undefined) {
      for (const agency of ctx.answersTo(asked.id).keys()) covered.add(agency);
      if (asked.kind === 'No objection' && asked.status === 'Closed' && asked.outcome === 'Agreed')
        for (const m of ctx.activeOn(asked.openedOn)) covered.add(keyOf(m.agency));
    }
    const beyond = unknownCodes(d.consulted, covered);
    if (beyond.length === 0) continue;
    const one = beyond.length === 1;
    out.push(
      finding('decisions.evidence', 'warning', {
        sheet: 'Decisions',
        row: d.row,
        ref: d.id,
        message: `${d.id} (${longDay(d.date)}) was taken at ${meeting.id} and lists ${joinFew(beyond)} as consulted, but ${one ? 'it' : 'they'} did not attend ${meeting.id}${consultation === undefined ? ' and no written consultation is named' : ` and did not answer ${consultation.id}`}; ${whoAsks(clause)} for consultation with all members, and Consulted should show how each was reached`,
        clause,
        fix: `If ${joinFew(beyond)} ${one ? 'was' : 'were'} consulted in writing, run or name that consultation in ${d.id}'s Consultation; if ${one ? 'it was' : 'they were'} not consulted, take ${one ? 'it' : 'them'} out of Consulted and consult ${one ? 'it' : 'them'}`,
      }),
    );
  }
  return out;
}

function stateConsultation(ctx: RuleContext): Finding[] {
  const body = ctx.settings.stateConsultationBody.trim();
  if (body === '') return [];
  const clause = ctx.clause('decisions.state-consultation', 'stateConsultationBody');
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
            ? `${d.id} (${longDay(d.date)}) is State relevant and Adopted, but no consultation of the ${body} is recorded (State consulted on is blank)`
            : `${d.id} (${longDay(d.date)}) is State relevant, but the ${body} was consulted only on ${longDay(on)}, after the decision`,
        clause,
        fix:
          on === null
            ? `Enter the day the ${body} was consulted on ${d.id}; if it was not, consult it and review the decision`
            : `Review ${d.id} with the ${body}'s views in hand, and consult it before adopting State relevant decisions`,
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
        message: `${d.id} (${longDay(d.date)}${d.title ? `, "${clip(d.title)}"` : ''}) was adopted but no action point in Actions has it as Source`,
        clause,
        fix: `Record the action points that carry ${d.id} out in Actions, with Source ${d.id}, an Owner and a Due day`,
      }),
    );
}

export const DECISION_RULES: readonly RuleDef[] = [
  { id: 'decisions.consensus', sheet: 'Decisions', needs: ['Decisions', 'Members'], run: consensus, quotes: QUOTES },
  { id: 'decisions.evidence', sheet: 'Decisions', needs: ['Decisions', 'Meetings'], run: evidence, quotes: QUOTES },
  {
    id: 'decisions.state-consultation',
    sheet: 'Decisions',
    needs: ['Decisions'],
    run: stateConsultation,
    quotes: QUOTES,
  },
  { id: 'decisions.follow-up', sheet: 'Decisions', needs: ['Decisions', 'Actions'], run: followUp, quotes: QUOTES },
];
