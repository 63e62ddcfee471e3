/** The member register: roles the ToR assigns, focal points, corporate email, admission, sharing the list. */
import type { Located } from '../codec';
import { addMonths, longDay } from '../dates';
import type { ProfileId } from '../settings';
import type { Decision, FocalPoint, Member } from '../tables';
import { codesOf } from '../membership';
import { finding, type RuleContext, type RuleDef, withClauses } from './context';
import { joinFew, joinWords, keyOf } from '../words';
import { t } from '../i18n';
import type { Finding } from './finding';
import { consensusGaps, requiredConsultees } from './consensus';
import { latestLogDay } from './log';
import {
  AZ_CONSENSUS,
  AZ_MEMBERSHIP,
  AZ_ROLE,
  UZ_MEMBERSHIP,
  UZ_SECRETARIAT,
  type BaselineTable,
  type ClauseTable,
} from './clauses';
import {
  ADMISSION_RULE as ADMISSION_RULE_SETTING,
  CORPORATE_EMAIL_DOMAINS,
  MEMBER_LIST_SHARING_MONTHS,
} from '../setting-labels';

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
            ? t('rules.roles.missing', {
                agency,
                pair: codes.length > 1 ? 'yes' : 'no',
                first: codes[0] ?? agency,
                second: codes.slice(1).join(', '),
                what,
              })
            : !active
              ? t('rules.roles.inactive', {
                  agency,
                  today: longDay(ctx.today),
                  status: member.status,
                  left: member.leftOn ? 'yes' : 'no',
                  leftOn: longDay(member.leftOn),
                  joins: member.joinedOn && member.joinedOn > ctx.today ? 'yes' : 'no',
                  joinedOn: longDay(member.joinedOn),
                  what,
                })
              : t('rules.roles.lacking', {
                  agency,
                  roled: member.roles.length > 0 ? 'yes' : 'no',
                  roles: member.roles.join(', '),
                  what,
                }),
        clause,
        fix:
          member === undefined
            ? t('rules.roles.missing-fix', { agency, wanted: wanted.join(', ') })
            : !active
              ? t('rules.roles.inactive-fix', { agency, wanted: wanted.join(', ') })
              : t('rules.roles.lacking-fix', { agency, what }),
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
    const details = primaries.map((fp) =>
      t('rules.focal-point.detail', {
        row: fp.row,
        gaps: [
          fp.active !== true ? t('rules.focal-point.not-active') : '',
          fp.name === '' ? t('rules.focal-point.no-name') : '',
          fp.email === '' ? t('rules.focal-point.no-email') : '',
        ]
          .filter(Boolean)
          .join(', '),
      }),
    );
    out.push(
      finding('members.focal-point', 'error', {
        sheet: 'Members',
        row: member.row,
        ref: member.agency,
        message: t('rules.focal-point.message', {
          agency: member.agency,
          why: fps.length === 0 ? 'none' : primaries.length === 0 ? 'secondary' : 'incomplete',
          names: joinWords(fps.map((fp) => fp.name || t('rules.focal-point.row', { row: fp.row }))),
          details: details.join('; '),
        }),
        clause: ctx.clause('members.focal-point'),
        fix: t('rules.focal-point.fix', { agency: member.agency }),
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
        message: t('rules.corporate-email.message', {
          named: fp.name ? 'yes' : 'no',
          name: fp.name,
          agency: fp.agency,
          email: fp.email,
          domains: domains.join(', '),
        }),
        clause: ctx.clause('members.corporate-email', CORPORATE_EMAIL_DOMAINS),
        fix: t('rules.corporate-email.fix', { named: fp.name ? 'yes' : 'no', name: fp.name, agency: fp.agency }),
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
): { missing: string[]; objections: string[]; consultation: string | null } {
  const consultation = consultationOf(ctx, decision);
  if (consultation === null) return { ...consensusGaps(ctx, decision, candidate), consultation: null };
  const asked = requiredConsultees(ctx, decision.date, candidate);
  const answerOf = (agency: string) => consultation.answers.get(keyOf(agency))?.answer;
  return {
    missing: unanimous
      ? asked.filter((m) => answerOf(m.agency) !== 'Approve' && answerOf(m.agency) !== 'Object').map((m) => m.agency)
      : [],
    objections: asked.filter((m) => answerOf(m.agency) === 'Object').map((m) => m.agency),
    consultation: consultation.id,
  };
}

function admission(ctx: RuleContext): Finding[] {
  const rule = ctx.settings.admissionRule ?? 'consensus';
  const unanimous = rule === 'unanimous';
  const clause = ctx.clause(`members.admission/${rule}`, ADMISSION_RULE_SETTING);
  const founded = ctx.settings.foundedOn ?? '';
  const out: Finding[] = [];
  for (const { member, decision } of admissionChecks(ctx)) {
    const base = { sheet: 'Members' as const, row: member.row, ref: member.agency, clause };
    const joined = t('rules.admission.joined', {
      agency: member.agency,
      joinedOn: longDay(member.joinedOn),
      founded: longDay(founded),
    });
    if (rule === 'open') {
      if (decision !== null) continue;
      out.push(
        finding('members.admission', 'info', {
          ...base,
          message: t('rules.admission.open', {
            joined,
            open: ctx.citesSetting(clause) ? 'settings' : 'tor',
            agency: member.agency,
          }),
          fix: t('rules.admission.open-fix', { agency: member.agency }),
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
              ? t('rules.admission.none', { joined, agency: member.agency })
              : t('rules.admission.unknown', {
                  joined,
                  agency: member.agency,
                  decision: member.admissionDecision.trim(),
                }),
          fix: t('rules.admission.none-fix', { agency: member.agency }),
        }),
      );
      continue;
    }
    if (decision.outcome !== 'Adopted') {
      out.push(
        finding('members.admission', 'error', {
          ...base,
          message: t('rules.admission.not-adopted', { joined, decision: decision.id, outcome: decision.outcome }),
          fix: t('rules.admission.not-adopted-fix', { decision: decision.id, agency: member.agency }),
        }),
      );
      continue;
    }
    const { missing, objections, consultation } = admissionGaps(ctx, decision, member.agency, unanimous);
    if (missing.length === 0 && objections.length === 0) continue;
    const gaps = {
      decision: decision.id,
      unanimous: unanimous ? 'yes' : 'no',
      by: consultation === null ? 'consulted' : 'consultation',
      missing: joinFew(missing),
      missingCount: missing.length,
    };
    out.push(
      finding('members.admission', 'error', {
        ...base,
        message: t('rules.admission.gaps', {
          ...gaps,
          joined,
          consultation: consultation ?? '',
          date: longDay(decision.date),
          objections: joinFew(objections),
          objectionCount: objections.length,
          both: missing.length > 0 && objections.length > 0 ? 'yes' : 'no',
        }),
        fix:
          objections.length > 0
            ? t('rules.admission.objection-fix', gaps)
            : consultation !== null
              ? t('rules.admission.consultation-fix', gaps)
              : t('rules.admission.consulted-fix', gaps),
      }),
    );
  }
  return out;
}

function listShared(ctx: RuleContext): Finding[] {
  const months = ctx.settings.memberListSharingMonths;
  if (months === null) return [];
  // @i18n-exempt: a Log event of WORKBOOK.md, the same in every language
  const last = latestLogDay(ctx, 'Member list shared');
  const clause = ctx.clause('members.list-shared', MEMBER_LIST_SHARING_MONTHS);
  if (last === null) {
    return [
      finding('members.list-shared', 'warning', {
        sheet: 'Log',
        row: null,
        ref: null,
        message: t('rules.list-shared.never', { months }),
        clause,
        fix: t('rules.list-shared.never-fix'),
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
      message: t('rules.list-shared.late', { last: longDay(last.day), due: longDay(due), months }),
      clause,
      fix: t('rules.list-shared.late-fix'),
    }),
  ];
}

/** What the rules below hold a network to under the custom profile, where no ToR words apply. */
const BASELINES: BaselineTable = {
  'members.focal-point': 'rules.baseline.members-focal-point',
};

/** The admission rule's baselines, by the Settings' admission rule. */
const ADMISSION_BASELINES: BaselineTable = {
  'members.admission/unanimous': 'rules.baseline.members-admission-unanimous',
  'members.admission/consensus': 'rules.baseline.members-admission-consensus',
  'members.admission/open': 'rules.baseline.members-admission-open',
};

/** Apart, so that the sidebar's guidance carries this rule without the register's others. */
export const ADMISSION_RULE: RuleDef = {
  id: 'members.admission',
  sheet: 'Members',
  needs: ['Members', 'Decisions'],
  run: admission,
  quotes: ADMISSION_QUOTES,
  baselines: ADMISSION_BASELINES,
};

export const MEMBER_RULES: readonly RuleDef[] = /* @__PURE__ */ withClauses(
  [
    { id: 'members.roles', sheet: 'Members', needs: ['Members'], run: roles },
    { id: 'members.focal-point', sheet: 'Members', needs: ['Members', 'Focal points'], run: focalPoint },
    { id: 'members.corporate-email', sheet: 'Focal points', needs: ['Focal points'], run: corporateEmail },
    ADMISSION_RULE,
    { id: 'members.list-shared', sheet: 'Log', needs: ['Log'], run: listShared },
  ],
  QUOTES,
  BASELINES,
);
