/** The member register: roles the ToR assigns, focal points, corporate email, admission, sharing the list. */
import type { Located } from '../codec';
import { addMonths, longDay } from '../dates';
import type { ProfileId } from '../settings';
import type { Decision, FocalPoint, Member } from '../tables';
import { codesOf } from '../membership';
import { finding, type RuleContext, type RuleDef } from './context';
import { joinFew, joinWords, keyOf, plural } from '../words';
import type { Finding } from './finding';
import { consensusGaps, requiredConsultees } from './consensus';
import { latestLogDay } from './log';
import { AZ_CONSENSUS, AZ_MEMBERSHIP, AZ_ROLE, UZ_MEMBERSHIP, UZ_SECRETARIAT, type ClauseTable } from './clauses';

/** The ToR words these rules enforce (quoted exactly: a test checks each against the ToR text). */
// @i18n-exempt: ToR quotations stay in the ToR's own words (English), labelled as such in Russian
const QUOTES: ClauseTable = {
  'members.roles/Chair': {
    uzbekistan: {
      section: UZ_MEMBERSHIP,
      words: ['The UNMN is chaired/coordinated by the International Organization for Migration (IOM)'],
    },
  },
  'members.roles/Co-chair': {
    azerbaijan: { section: AZ_MEMBERSHIP, words: ['Co-chairs UNRC and IOM mission in Azerbaijan'] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: ['The UNRC co-chairs the Network'] },
  },
  'members.roles/Coordinator': {
    azerbaijan: { section: AZ_MEMBERSHIP, words: ['Coordinator and Secretariat: IOM Mission in Azerbaijan'] },
    uzbekistan: {
      section: UZ_MEMBERSHIP,
      words: ['The UNMN is chaired/coordinated by the International Organization for Migration (IOM)'],
    },
  },
  'members.roles/Secretariat': {
    azerbaijan: { section: AZ_MEMBERSHIP, words: ['Coordinator and Secretariat: IOM Mission in Azerbaijan'] },
    uzbekistan: { section: UZ_SECRETARIAT, words: ['IOM will serve as the Secretariat for the UNMN'] },
  },
  'members.focal-point': {
    azerbaijan: { section: AZ_ROLE, words: ['liaising with members, disseminating meeting minutes'] },
    uzbekistan: {
      section: UZ_MEMBERSHIP,
      words: [
        'The UNMN comprises focal points from the UN entities',
        'The UN system entities in Uzbekistan shall nominate members to the UNMN',
      ],
    },
  },
  'members.corporate-email': {
    uzbekistan: {
      section: UZ_SECRETARIAT,
      words: ['All email-communications of the UNMN will be shared through the UN system corporate email-accounts'],
    },
  },
  'members.list-shared': {
    azerbaijan: { section: AZ_ROLE, words: ['IOM will maintain the member list and share it regularly'] },
  },
};

/** Apart from the others, so that the sidebar's guidance carries the admission rule's words alone. */
// @i18n-exempt: ToR quotations stay in the ToR's own words (English), labelled as such in Russian
const ADMISSION_QUOTES: ClauseTable = {
  'members.admission/unanimous': {
    uzbekistan: {
      section: UZ_MEMBERSHIP,
      words: [
        'Other UN system entities may become members of the Network upon unanimous approval by its current members',
      ],
    },
  },
  'members.admission/consensus': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_CONSENSUS] },
  },
  'members.admission/open': {
    azerbaijan: {
      section: AZ_MEMBERSHIP,
      words: [
        'Members: UN Resident Coordinator Office (RCO), IOM, UNDP, UNICEF, WHO, ILO, FAO, UNHCR, OHCHR, UNFPA and other interested UN Agencies',
      ],
    },
  },
};

type Role = 'Chair' | 'Co-chair' | 'Coordinator' | 'Secretariat';

/** The roles each ToR gives by name, agency by agency. A custom profile names none. */
export const ROLE_HOLDERS: Readonly<Record<ProfileId, readonly (readonly [string, readonly Role[]])[]>> = {
  azerbaijan: [
    ['UNRC', ['Co-chair']],
    ['IOM', ['Co-chair', 'Coordinator', 'Secretariat']],
  ],
  uzbekistan: [
    ['IOM', ['Chair', 'Coordinator', 'Secretariat']],
    ['UNRC', ['Co-chair']],
  ],
  custom: [],
};

function roles(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const [agency, wanted] of ROLE_HOLDERS[ctx.network.profile.id]) {
    const codes = codesOf(agency);
    const rows = codes.flatMap((code) => ctx.members.get(code) ?? []);
    const member =
      rows.find((m) => ctx.isActiveOn(m, ctx.today) && wanted.every((r) => m.roles.includes(r))) ??
      rows.find((m) => ctx.isActiveOn(m, ctx.today)) ??
      rows[0];
    // The agency's row is malformed: data.invalid reports it, and its roles cannot be read.
    if (member === undefined && codes.some((code) => ctx.exists.members.has(code))) continue;
    const active = member !== undefined && ctx.isActiveOn(member, ctx.today);
    const missing = active ? wanted.filter((r) => !member.roles.includes(r)) : wanted;
    if (missing.length === 0) continue;
    const clause = [...new Set(missing.map((r) => ctx.clause(`members.roles/${r}`)))].join('; ');
    const what = joinFew(missing);
    out.push(
      finding('members.roles', 'error', {
        sheet: 'Members',
        row: member?.row ?? null,
        ref: agency,
        message:
          member === undefined
            ? `${codes.length > 1 ? `Neither ${codes.join(' nor ')} is` : `${agency} is not`} in Members, yet the ToR makes ${agency} ${what}`
            : !active
              ? `${agency} is not an active member on ${longDay(ctx.today)} (Status ${member.status}${member.leftOn ? `, left on ${longDay(member.leftOn)}` : ''}${member.joinedOn && member.joinedOn > ctx.today ? `, joins on ${longDay(member.joinedOn)}` : ''}), yet the ToR makes it ${what}`
              : `${agency}'s Roles (${member.roles.join(', ') || 'blank'}) lack ${what}, which the ToR gives it`,
        clause,
        fix:
          member === undefined
            ? `Add ${agency} to Members with Status Active and Roles ${wanted.join(', ')}`
            : !active
              ? `Record ${agency} as Active (and correct Joined on / Left on), with Roles ${wanted.join(', ')}`
              : `Add ${what} to ${agency}'s Roles`,
      }),
    );
  }
  return out;
}

function focalPoint(ctx: RuleContext): Finding[] {
  const byAgency = new Map<string, Located<FocalPoint>[]>();
  for (const fp of ctx.network.focalPoints.records) {
    const k = keyOf(fp.agency);
    const list = byAgency.get(k);
    if (list) list.push(fp);
    else byAgency.set(k, [fp]);
  }
  const out: Finding[] = [];
  for (const member of ctx.activeOn(ctx.today)) {
    const fps = byAgency.get(keyOf(member.agency)) ?? [];
    const good = fps.some((fp) => fp.kind === 'Primary' && fp.active === true && fp.name !== '' && fp.email !== '');
    if (good) continue;
    const primaries = fps.filter((fp) => fp.kind === 'Primary');
    const why =
      fps.length === 0
        ? 'has no focal point in Focal points'
        : primaries.length === 0
          ? `has focal points (${joinWords(fps.map((fp) => fp.name || `row ${fp.row}`))}) but none is Primary`
          : `has no Primary focal point marked Active Yes with a name and an email (${primaries
              .map(
                (fp) =>
                  `row ${fp.row}: ${[fp.active !== true ? 'not Active' : '', fp.name === '' ? 'no name' : '', fp.email === '' ? 'no email' : ''].filter(Boolean).join(', ')}`,
              )
              .join('; ')})`;
    out.push(
      finding('members.focal-point', 'error', {
        sheet: 'Members',
        row: member.row,
        ref: member.agency,
        message: `${member.agency} is an active member but ${why}`,
        clause: ctx.clause('members.focal-point'),
        fix: `Ask ${member.agency} to nominate a Primary focal point and record their name and email in Focal points with Active Yes`,
      }),
    );
  }
  return out;
}

function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[@.]+/, '');
}

function corporateEmail(ctx: RuleContext): Finding[] {
  const domains = ctx.settings.corporateEmailDomains.map(normalizeDomain).filter((d) => d !== '');
  if (domains.length === 0) return [];
  const out: Finding[] = [];
  for (const fp of ctx.network.focalPoints.records) {
    if (fp.active !== true || fp.email === '') continue;
    const host = (fp.email.split('@').pop() ?? '').toLowerCase();
    if (domains.some((d) => host === d || host.endsWith(`.${d}`))) continue;
    out.push(
      finding('members.corporate-email', 'warning', {
        sheet: 'Focal points',
        row: fp.row,
        ref: fp.agency,
        message: `${fp.name || 'The focal point'} of ${fp.agency} uses ${fp.email}, which is not on a corporate domain (${domains.join(', ')})`,
        clause: ctx.clause('members.corporate-email', 'corporateEmailDomains'),
        fix: `Ask ${fp.agency} for ${fp.name || 'the focal point'}'s corporate address, or add its domain to "Corporate email domains" in Settings if it is corporate`,
      }),
    );
  }
  return out;
}

interface AdmissionCheck {
  readonly member: Located<Member>;
  /** The decision that admits the member, if the workbook has one. */
  readonly decision: Located<Decision> | null;
}

/** The members that joined after "Founded on" and the decision that admits each, if the workbook has one. */
function admissionChecks(ctx: RuleContext): AdmissionCheck[] {
  const out: AdmissionCheck[] = [];
  const founded = ctx.settings.foundedOn;
  if (founded !== null) {
    const bySubject = new Map<string, Located<Decision>[]>();
    for (const d of ctx.network.decisions.records) {
      if (d.kind !== 'Admission') continue;
      const k = keyOf(d.subject);
      bySubject.set(k, [...(bySubject.get(k) ?? []), d]);
    }
    for (const member of ctx.network.members.records) {
      if (member.status !== 'Active' || member.joinedOn === null || member.joinedOn <= founded) continue;
      const key = keyOf(member.admissionDecision);
      const named = key === '' ? undefined : ctx.decisions.get(key);
      // The named decision's row is malformed: data.invalid reports it, and its outcome cannot be read.
      if (named === undefined && key !== '' && ctx.exists.decisions.has(key)) continue;
      const candidates = bySubject.get(keyOf(member.agency)) ?? [];
      const decision = named ?? candidates.find((d) => d.outcome === 'Adopted') ?? candidates[0] ?? null;
      out.push({ member, decision });
    }
  }
  return out;
}

/** Where a decision names a consultation that the workbook holds: each agency's latest answer there. */
function consultationOf(
  ctx: RuleContext,
  decision: Decision,
): { id: string; answers: ReadonlyMap<string, { answer: string }> } | null {
  const c = ctx.consultations.get(keyOf(decision.consultation));
  return c === undefined ? null : { id: c.id, answers: ctx.answersTo(c.id) };
}

/** What stands between an adopted admission decision and the ToR's rule: members not consulted (or not approving), objections. */
function admissionGaps(
  ctx: RuleContext,
  decision: Located<Decision>,
  candidate: string,
  unanimous: boolean,
): { missing: string[]; objections: string[]; where: string } {
  const consultation = consultationOf(ctx, decision);
  if (consultation === null)
    return { ...consensusGaps(ctx, decision, candidate), where: `on ${decision.id} (${longDay(decision.date)})` };
  const asked = requiredConsultees(ctx, decision.date, candidate);
  const answerOf = (agency: string) => consultation.answers.get(keyOf(agency))?.answer;
  return {
    missing: unanimous
      ? asked.filter((m) => answerOf(m.agency) !== 'Approve' && answerOf(m.agency) !== 'Object').map((m) => m.agency)
      : [],
    objections: asked.filter((m) => answerOf(m.agency) === 'Object').map((m) => m.agency),
    where: `in ${consultation.id}, the written consultation behind ${decision.id},`,
  };
}

function admission(ctx: RuleContext): Finding[] {
  const rule = ctx.settings.admissionRule ?? 'consensus';
  const unanimous = rule === 'unanimous';
  const clause = ctx.clause(`members.admission/${rule}`, 'admissionRule');
  const founded = ctx.settings.foundedOn ?? '';
  const out: Finding[] = [];
  for (const { member, decision } of admissionChecks(ctx)) {
    const base = { sheet: 'Members' as const, row: member.row, ref: member.agency, clause };
    const joined = `${member.agency} joined on ${longDay(member.joinedOn)}, after the network was founded on ${longDay(founded)}`;
    if (rule === 'open') {
      if (decision !== null) continue;
      out.push(
        finding('members.admission', 'info', {
          ...base,
          message: `${joined}, and no decision records how it joined; ${clause.startsWith('Network settings') ? "the network's admission rule is open" : 'the ToR opens membership to other interested UN agencies'}, so none is needed, but the register should say how ${member.agency} came in`,
          fix: `Note in ${member.agency}'s Notes how it joined (its letter of interest, the meeting that welcomed it), or record a decision of Kind Admission with Subject ${member.agency}`,
        }),
      );
      continue;
    }
    if (decision === null) {
      out.push(
        finding('members.admission', 'error', {
          ...base,
          message:
            member.admissionDecision.trim() === ''
              ? `${joined}, but no decision admits it (no Admission decision, and no decision of kind Admission with Subject ${member.agency})`
              : `${joined}, but its Admission decision ${member.admissionDecision.trim()} is not in Decisions, and no decision of kind Admission has Subject ${member.agency}`,
          fix: `Record the decision that admitted ${member.agency} (Kind Admission, Subject ${member.agency}) and put its ID in ${member.agency}'s Admission decision`,
        }),
      );
      continue;
    }
    if (decision.outcome !== 'Adopted') {
      out.push(
        finding('members.admission', 'error', {
          ...base,
          message: `${joined}; ${decision.id}, the decision that admits it, is ${decision.outcome}, not Adopted`,
          fix: `Record ${decision.id}'s outcome once the members have decided, or set ${member.agency}'s Status to Pending until then`,
        }),
      );
      continue;
    }
    const { missing, objections, where } = admissionGaps(ctx, decision, member.agency, unanimous);
    if (missing.length === 0 && objections.length === 0) continue;
    const byConsultation = where.startsWith('in ');
    const problems = [
      missing.length > 0
        ? byConsultation
          ? `${joinFew(missing)} did not answer Approve`
          : `${joinFew(missing)} ${missing.length === 1 ? 'was a member' : 'were members'} that day and ${missing.length === 1 ? 'is' : 'are'} not in its Consulted`
        : '',
      objections.length > 0 ? `${joinFew(objections)} objected` : '',
    ].filter(Boolean);
    out.push(
      finding('members.admission', 'error', {
        ...base,
        message: `${joined}; admission needs ${unanimous ? "every current member's approval" : 'the consensus of the members'}, but ${where} ${problems.join(', and ')}`,
        fix:
          objections.length > 0
            ? `Record ${decision.id} as Not adopted (an objection blocks the admission), or record the objection's withdrawal and clear it`
            : byConsultation
              ? `Ask ${joinFew(missing)} to answer the consultation, or consult them again`
              : `Add ${joinFew(missing)} to ${decision.id}'s Consulted if ${missing.length === 1 ? 'it' : 'they'} ${unanimous ? 'approved' : missing.length === 1 ? 'was consulted' : 'were consulted'}, or consult ${missing.length === 1 ? 'it' : 'them'} and record the answer`,
      }),
    );
  }
  return out;
}

function listShared(ctx: RuleContext): Finding[] {
  const months = ctx.settings.memberListSharingMonths;
  if (months === null) return [];
  const last = latestLogDay(ctx, 'Member list shared');
  const clause = ctx.clause('members.list-shared', 'memberListSharingMonths');
  if (last === null) {
    return [
      finding('members.list-shared', 'warning', {
        sheet: 'Log',
        row: null,
        ref: null,
        message: `The member list has never been shared: the Log has no "Member list shared" row with Outcome Sent (it is due every ${plural(months, 'month')})`,
        clause,
        fix: 'Share the member list with the members, and record it in the Log as "Member list shared" with Outcome Sent',
      }),
    ];
  }
  const due = addMonths(last.day, months);
  if (ctx.today <= due) return [];
  return [
    finding('members.list-shared', 'warning', {
      sheet: 'Log',
      row: last.row,
      ref: null,
      message: `The member list was last shared on ${longDay(last.day)}; it was due again by ${longDay(due)} (every ${plural(months, 'month')})`,
      clause,
      fix: 'Share the current member list with the members now, and record it in the Log as "Member list shared" with Outcome Sent',
    }),
  ];
}

/** Apart, so that the sidebar's guidance carries this rule without the register's others. */
export const ADMISSION_RULE: RuleDef = {
  id: 'members.admission',
  sheet: 'Members',
  needs: ['Members', 'Decisions'],
  run: admission,
  quotes: ADMISSION_QUOTES,
};

export const MEMBER_RULES: readonly RuleDef[] = [
  { id: 'members.roles', sheet: 'Members', needs: ['Members'], run: roles, quotes: QUOTES },
  { id: 'members.focal-point', sheet: 'Members', needs: ['Members', 'Focal points'], run: focalPoint, quotes: QUOTES },
  {
    id: 'members.corporate-email',
    sheet: 'Focal points',
    needs: ['Focal points'],
    run: corporateEmail,
    quotes: QUOTES,
  },
  ADMISSION_RULE,
  { id: 'members.list-shared', sheet: 'Log', needs: ['Log'], run: listShared, quotes: QUOTES },
];
