/**
 * The words the pages show for the values of the workbook's dropdowns. The sheet keeps the English
 * values the contract fixes (WORKBOOK.md), whatever the network's language: a select shows the
 * translation and sends the value.
 */
import { t, type MessageKey } from '../../src/domain/i18n';

const VALUES = {
  outcome: {
    Adopted: 'sidebar.value.outcome.adopted',
    'Not adopted': 'sidebar.value.outcome.not-adopted',
    Pending: 'sidebar.value.outcome.pending',
  },
  decisionKind: {
    General: 'sidebar.value.decision-kind.general',
    Admission: 'sidebar.value.decision-kind.admission',
    'Workplan endorsement': 'sidebar.value.decision-kind.workplan-endorsement',
    'Joint statement': 'sidebar.value.decision-kind.joint-statement',
    'Working group': 'sidebar.value.decision-kind.working-group',
    Disclosure: 'sidebar.value.decision-kind.disclosure',
  },
  meetingKind: {
    Regular: 'sidebar.value.meeting-kind.regular',
    Annual: 'sidebar.value.meeting-kind.annual',
    Extraordinary: 'sidebar.value.meeting-kind.extraordinary',
    'Working group': 'sidebar.value.meeting-kind.working-group',
  },
  meetingMode: {
    'In person': 'sidebar.value.meeting-mode.in-person',
    Online: 'sidebar.value.meeting-mode.online',
    Hybrid: 'sidebar.value.meeting-mode.hybrid',
  },
  meetingStatus: {
    Planned: 'sidebar.value.meeting-status.planned',
    Held: 'sidebar.value.meeting-status.held',
    Cancelled: 'sidebar.value.meeting-status.cancelled',
  },
  memberStatus: {
    Active: 'sidebar.value.member-status.active',
    Pending: 'sidebar.value.member-status.pending',
    Withdrawn: 'sidebar.value.member-status.withdrawn',
  },
  consultationKind: {
    'No objection': 'sidebar.value.consultation-kind.no-objection',
    Approval: 'sidebar.value.consultation-kind.approval',
  },
  answer: {
    Approve: 'sidebar.value.answer.approve',
    'No objection': 'sidebar.value.answer.no-objection',
    Object: 'sidebar.value.answer.object',
    Abstain: 'sidebar.value.answer.abstain',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

export type ValueList = keyof typeof VALUES;

/** The words for a value of that list; a value the list does not know (a typo in the sheet) as it is. */
export function valueLabel(list: ValueList, value: string): string {
  const key: MessageKey | undefined = (VALUES[list] as Readonly<Record<string, MessageKey>>)[value];
  return key === undefined ? value : t(key);
}

/** A select's labels for one list: `<Options values={…} labels={labelsOf('outcome')} />`. */
export function labelsOf(list: ValueList): (value: string) => string {
  return (value) => valueLabel(list, value);
}
