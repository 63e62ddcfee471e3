/**
 * Each rule of the compliance check explained to a secretariat: what it checks, how severe its
 * findings are, what a finding's Ref holds, which Settings rows it depends on and how to fix what it
 * finds. `npm run docs` writes docs/rules.md from this guide, the rule registry (RULES) and the
 * clause table (CLAUSES, BASELINES); tests/scripts/docs.test.ts fails when a rule has no entry here,
 * or when the severities and settings named here are not the ones the rule's code uses.
 */
import type { Severity } from '../src/domain/rules';
import type { RuleId } from '../src/domain/rules/ids';
import type { SettingKey } from '../src/domain/settings';

export interface RuleGuide {
  /** Every severity the rule's findings can have, most severe first. */
  readonly severity: readonly Severity[];
  readonly checks: string;
  /** What a finding's Ref holds. */
  readonly ref: string;
  /** The Settings rows whose value the rule's findings cite: a switch that turns it on, or a number it counts with. */
  readonly settings: readonly SettingKey[];
  readonly fix: string;
}

export const RULE_GUIDE: Readonly<Record<RuleId, RuleGuide>> = {
  'members.roles': {
    severity: ['error'],
    checks:
      'Each role the ToR gives by name is held by an active member: under the Azerbaijan ToR, UNRC and IOM are Co-chairs and IOM is Coordinator and Secretariat; under the Uzbekistan ToR, IOM is Chair, Coordinator and Secretariat and UNRC is Co-chair. The codes `UNRC` and `RCO` name the same entity (the Resident Coordinator and the Office), so a Co-chair held under either passes. A custom profile names no role.',
    ref: 'the agency that should hold the role',
    settings: [],
    fix: 'Add the agency to Members with Status Active, or add the missing roles to its Roles (Members → Roles is a list such as `Chair, Coordinator, Secretariat`).',
  },

  'members.focal-point': {
    severity: ['error'],
    checks: 'Each active member has at least one focal point of Kind Primary, marked Active, with a name and an email.',
    ref: 'the agency',
    settings: [],
    fix: 'Ask the agency to nominate a Primary focal point, and record the name and email in Focal points with Active ticked.',
  },
  'members.corporate-email': {
    severity: ['warning'],
    checks:
      'Where "Corporate email domains" is set: each active focal point\'s email is on one of those domains (a subdomain counts, so `uz.undp.org` passes for `undp.org`).',
    ref: 'the agency',
    settings: ['corporateEmailDomains'],
    fix: 'Ask the agency for the focal point\'s corporate address; if the domain is corporate, add it to "Corporate email domains" in Settings.',
  },
  'members.admission': {
    severity: ['error', 'info'],
    checks:
      'A member that joined after "Founded on" is admitted as the admission rule says. With `unanimous`: an Adopted admission decision (the one its "Admission decision" names, or a decision of Kind Admission whose Subject is the agency) that every member active on its date approved: where the decision names a Consultation, each answered Approve there; otherwise each is in Consulted and none objected. With `consensus`: the same, with consulted and no objection. With `open` (the Azerbaijan ToR: "other interested UN Agencies"), no decision is needed: a member without one gets a note asking to record how it joined.',
    ref: 'the agency',
    settings: ['admissionRule'],
    fix: "Record the decision that admitted the member (Kind Admission, Subject the agency's code) and put its ID in the member's Admission decision; for a unanimous admission, run a written consultation of kind Approval, or list every member consulted and record any objection. Under open membership, say in Notes how the member joined.",
  },

  'members.list-shared': {
    severity: ['warning'],
    checks:
      'Where a member list sharing interval is set: the member list was shared (a Log row with Event "Member list shared" and Outcome Sent) within that many months before today.',
    ref: 'blank',
    settings: ['memberListSharingMonths'],
    fix: 'Share the member list with the members, and record it in the Log as "Member list shared" with Outcome Sent.',
  },
  'meetings.cadence': {
    severity: ['error', 'warning'],
    checks:
      'The cadence (1, 2, 3, 4, 6 or 12 months) cuts each calendar year into periods: quarters for 3, half-years for 6, the year for 12. Each period that began on or after "Founded on" (without it, from the first regular meeting on record) and has ended has at least one held Regular or Annual meeting (an error when not); the current period has one held or planned (a warning when not). A meeting moved from late March to 10 April still leaves each quarter with its meeting.',
    ref: 'the period: `2026-Q2` (quarters), `2026-H1` (half-years), `2026` (a year), else its first month `2026-05`',
    settings: ['meetingCadenceMonths'],
    fix: 'Record any regular meeting that took place but is missing from Meetings (Status Held); plan one in the current period; note the reason for a missed period in the next minutes.',
  },

  'meetings.annual': {
    severity: ['error', 'warning'],
    checks:
      'Where an annual network meeting is required: every calendar year after the founding year, up to last year, has a held meeting of Kind Annual (an error when one is missing; the founding year is not required); the current year, once it is after the founding year, has one held or planned (a warning when not).',
    ref: 'the year',
    settings: ['annualMeetingRequired'],
    fix: 'Record the annual meeting in Meetings with Kind Annual (Status Held once it took place, Planned until then); explain a missed year in the annual review.',
  },
  'meetings.annual-membership': {
    severity: ['warning', 'info'],
    checks:
      'Where an annual network meeting is required: a held Annual meeting lists among its Attendees every member active on its date ("of the full membership", a warning naming those absent), and names its External participants ("to include other relevant stakeholders", a note).',
    ref: 'the meeting ID',
    settings: ['annualMeetingRequired'],
    fix: 'Complete the Attendees and External participants of the annual meeting; if members or stakeholders did not come, invite them to the next one.',
  },
  'meetings.status': {
    severity: ['warning'],
    checks: 'A meeting still Planned whose Date has passed is marked Held (with its attendees) or Cancelled.',
    ref: 'the meeting ID',
    settings: [],
    fix: 'Set the meeting to Held and enter its Attendees, or to Cancelled; move its Date if it was postponed.',
  },

  'meetings.mode': {
    severity: ['error'],
    checks: 'Where the meeting mode must be recorded: each held meeting has its Mode (In person, Online or Hybrid).',
    ref: 'the meeting ID',
    settings: ['meetingModeRequired'],
    fix: "Enter the meeting's Mode, and make sure its minutes state it.",
  },
  'meetings.agenda': {
    severity: ['warning'],
    checks: 'Each held meeting\'s agenda went out at least the "Agenda due" days before it ("Agenda circulated on").',
    ref: 'the meeting ID',
    settings: ['agendaDueDays'],
    fix: 'Enter the day the agenda was circulated; circulate the next agendas early enough.',
  },
  'meetings.minutes': {
    severity: ['error'],
    checks: 'Each held meeting more than the "Minutes due" days old has a Minutes link.',
    ref: 'the meeting ID',
    settings: ['minutesDueDays'],
    fix: 'Write up the minutes and put their link in Minutes link.',
  },
  'meetings.minutes-approved': {
    severity: ['warning'],
    checks:
      'Each held meeting with a Minutes link has "Minutes approved on" once it is older than the "Minutes due" days plus the "Minutes approval due" days: draft minutes do not wait for ever.',
    ref: 'the meeting ID',
    settings: ['minutesApprovalDueDays'],
    fix: 'Ask the members to approve the draft minutes and enter the day in "Minutes approved on"; the add-on then circulates them.',
  },

  'meetings.circulated': {
    severity: ['error'],
    checks:
      'Minutes approved more than the "Circulation due" days ago have gone out to the members ("Minutes circulated on").',
    ref: 'the meeting ID',
    settings: ['circulationDueDays'],
    fix: 'Circulate the minutes to the members and enter the day in "Minutes circulated on".',
  },
  'meetings.rco-archive': {
    severity: ['error'],
    checks:
      'Where the RCO archive is required (the Uzbekistan ToR: "The Secretariat will share all minutes … with UNRC\'s Office (RCO) for reporting and archiving"): each meeting whose minutes were circulated has "Shared with RCO on", and a blank "RCO archive email" is a finding of its own on the Settings tab. Where the archive is not required but an address is set, the per-meeting part applies.',
    ref: 'the meeting ID; blank for the missing address',
    settings: ['rcoArchiveRequired'],
    fix: 'Enter the RCO archive address in Settings; send the minutes there and enter the day in "Shared with RCO on" (the add-on does both once automation is on).',
  },

  'meetings.attendance': {
    severity: ['warning'],
    checks: 'Each held meeting lists its Attendees.',
    ref: 'the meeting ID',
    settings: [],
    fix: 'Enter the agency codes of the members who attended in Attendees.',
  },
  'meetings.disclosure': {
    severity: ['warning'],
    checks:
      'Where disclosure needs agreement (the Azerbaijan ToR: "internal use only, unless explicitly stated and agreed otherwise"): a meeting marked Public has an Adopted decision of Kind Disclosure whose Subject is the meeting ID.',
    ref: 'the meeting ID',
    settings: ['disclosureNeedsAgreement'],
    fix: "Record the members' agreement to disclose as a decision (Kind Disclosure, Subject the meeting ID), or set the meeting back to Internal.",
  },

  'decisions.consensus': {
    severity: ['error'],
    checks:
      'A decision recorded as Adopted lists in Consulted every member active on its date (for an admission, the candidate aside) and has no Objections.',
    ref: 'the decision ID',
    settings: [],
    fix: 'Add the members that were consulted to Consulted, or consult those that were not and record their answer; a decision with an objection is Not adopted or Pending until the objection is withdrawn.',
  },
  'decisions.evidence': {
    severity: ['warning', 'info'],
    checks:
      'Consulted is a record of what happened, not a default. An Adopted decision taken at a meeting lists as consulted only members that attended it, unless it names a Consultation whose answers cover the others (a withdrawn consultation covers nobody; in a No objection consultation closed as Agreed, silence is agreement: every member active when it opened counts); a warning names the others. A decision with no Meeting names a Consultation (a note when it does not).',
    ref: 'the decision ID',
    settings: [],
    fix: "Take out of Consulted the members that were not consulted, and consult them (a written consultation from the sidebar records each answer); name the consultation in the decision's Consultation.",
  },

  'decisions.state-consultation': {
    severity: ['error'],
    checks:
      'Where a state consultation body is set: each Adopted decision marked State relevant has "State consulted on", on or before the decision\'s date.',
    ref: 'the decision ID',
    settings: ['stateConsultationBody'],
    fix: 'Enter the day the body was consulted; if it was not, or only afterwards, consult it and review the decision.',
  },
  'decisions.follow-up': {
    severity: ['info'],
    checks:
      'An Adopted decision of Kind General has at least one action point: a row of Actions whose Source is the decision.',
    ref: 'the decision ID',
    settings: [],
    fix: "Record the action points that carry the decision out in Actions, with the decision's ID as Source, an Owner and a Due day.",
  },
  'consultations.overdue': {
    severity: ['warning'],
    checks: 'An Open written consultation whose Deadline has passed is closed, with its outcome recorded.',
    ref: 'the consultation ID',
    settings: [],
    fix: 'Close the consultation from the sidebar: the add-on computes the outcome from the answers and drafts the decision.',
  },

  'actions.overdue': {
    severity: ['warning'],
    checks: 'An Open action point is not past its Due day.',
    ref: 'the action ID',
    settings: [],
    fix: 'Follow up with the owner: record the action as Done with its Done on day, or agree a new Due day.',
  },
  'actions.owner': {
    severity: ['error'],
    checks: 'Each Open action point has an Owner that is an active member.',
    ref: 'the action ID',
    settings: [],
    fix: 'Agree which active member owns the action and enter its agency code in Owner.',
  },
  'workplan.exists': {
    severity: ['warning'],
    checks: 'The Workplan has rows for the current year.',
    ref: 'the year',
    settings: [],
    fix: "Draw up the year's workplan with the members and enter its key actions in Workplan.",
  },
  'workplan.fields': {
    severity: ['error', 'warning'],
    checks:
      'Each workplan row has a Key action, a Lead agency that is a member, a Start and an End with End on or after Start (an error when not). Where the workplan must be costed, a row without a Budget (USD) is a warning of its own: the Uzbekistan ToR writes "(costed)" as a recommendation.',
    ref: 'the workplan ID',
    settings: ['workplanMustBeCosted'],
    fix: "Complete the row: key action, the lead agency's code, Start and End, and the budget (0 when it costs nothing).",
  },
  'workplan.endorsed': {
    severity: ['error', 'info'],
    checks:
      'Where the workplan must be endorsed: each year up to the current one that has workplan rows has an Adopted decision of Kind Workplan endorsement whose Subject is that year. A plan is due for endorsement "Workplan endorsement due" days into its year (90 by default): until then, an unendorsed plan of the current year is a note naming the planned meeting that could endorse it; past that day, and for past years, an error. A plan for a year not yet begun may still be a draft.',
    ref: 'the year',
    settings: ['workplanMustBeEndorsed'],
    fix: "Have the members endorse the year's workplan and record the decision (Kind Workplan endorsement, Subject the year, Outcome Adopted).",
  },
  'workplan.reported': {
    severity: ['warning'],
    checks:
      'Where a workplan reporting interval is set: a workplan report went to the UNCT (a Log row with Event "Workplan report sent" and Outcome Sent) within that many months before today, counted from the first workplan row\'s Start when none went yet.',
    ref: 'blank',
    settings: ['workplanReportingMonths'],
    fix: 'Send a workplan progress report to the UNCT, and record it in the Log as "Workplan report sent" with Outcome Sent.',
  },
  'workplan.overdue': {
    severity: ['warning'],
    checks: 'A workplan row whose End has passed is Completed or Dropped.',
    ref: 'the workplan ID',
    settings: [],
    fix: 'Ask the lead agency where the key action stands: mark it Completed or Dropped, or agree a new End.',
  },
  'workplan.gcm': {
    severity: ['info'],
    checks: 'Each workplan row names at least one GCM objective (1–23).',
    ref: 'the workplan ID',
    settings: [],
    fix: 'Enter the numbers of the GCM objectives the key action serves in GCM objectives.',
  },
  'groups.members': {
    severity: ['error'],
    checks:
      "Every agency in a working group's Members is a member of the network; partners from outside go under External partners.",
    ref: 'the working group ID',
    settings: [],
    fix: 'Move outside partners to External partners, or correct the agency code.',
  },
  'groups.established': {
    severity: ['warning'],
    checks:
      'Each working group names in Established by the decision that set it up, and that decision is in Decisions.',
    ref: 'the working group ID',
    settings: [],
    fix: "Enter the decision's ID in Established by; record the decision first if it is missing.",
  },
  'groups.ended': {
    severity: ['info'],
    checks:
      'An Ad hoc working group whose "Ends on" has passed has an Adopted decision about it (Kind Working group, Subject its ID) dated on or after that day, recording that it closed; or its Ends on is moved to extend it.',
    ref: 'the working group ID',
    settings: [],
    fix: "Record the group's closing as a decision (Kind Working group, Subject its ID), or extend it by moving Ends on.",
  },

  'data.invalid': {
    severity: ['error'],
    checks:
      'A cell breaks the workbook contract: a bad date or timestamp (outside 1900–2100 included), a value not in its dropdown, a bad email, a GCM objective outside 1–23, a required cell left blank, a missing tab or column, or a header row that is not row 1.',
    ref: "the row's ID where it has one; otherwise blank",
    settings: [],
    fix: 'Correct the cell as the finding says; for a missing tab or column, run Set up / repair workbook.',
  },
  'data.duplicate-id': {
    severity: ['error'],
    checks:
      'Two rows of a tab share an ID, two rows of Members share an Agency, or two rows of Settings name the same setting (the first counts).',
    ref: 'the repeated ID, agency or setting',
    settings: [],
    fix: 'Give the later row an ID of its own, or merge the two Members rows.',
  },
  'data.reference': {
    severity: ['error'],
    checks:
      'A reference points at nothing: an agency code that is not in Members, or a Meeting, Source, Admission decision or Established by that no row has.',
    ref: "the referring row's ID",
    settings: [],
    fix: 'Correct the code or ID, or add the row it should point at.',
  },
};
