/**
 * The Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195): its 23 objectives and 10
 * guiding principles, numbered as there. Their titles are the catalogue's `gcm` area: the official
 * wording of the resolution in each language (docs/glossary-ru.md says where the Russian comes from).
 */
import { t, type MessageKey } from './i18n';
import { builtOnce } from './lazy';

export interface GcmObjective {
  readonly number: number;
  /** The official title, in the execution's language. */
  readonly title: string;
}

/** The 23 objectives, built on first use: most executions name none, and the bundle's load would build them. */
export const gcmObjectives = /* @__PURE__ */ builtOnce((): readonly GcmObjective[] => {
  const keys = [
    'gcm.objective.1',
    'gcm.objective.2',
    'gcm.objective.3',
    'gcm.objective.4',
    'gcm.objective.5',
    'gcm.objective.6',
    'gcm.objective.7',
    'gcm.objective.8',
    'gcm.objective.9',
    'gcm.objective.10',
    'gcm.objective.11',
    'gcm.objective.12',
    'gcm.objective.13',
    'gcm.objective.14',
    'gcm.objective.15',
    'gcm.objective.16',
    'gcm.objective.17',
    'gcm.objective.18',
    'gcm.objective.19',
    'gcm.objective.20',
    'gcm.objective.21',
    'gcm.objective.22',
    'gcm.objective.23',
  ] as const satisfies readonly MessageKey[];
  return keys.map((key, i) => ({
    number: i + 1,
    get title() {
      return t(key);
    },
  }));
});

export interface GcmPrinciple {
  readonly letter: string;
  /** The English title: what the Workplan's Guiding principles column holds (WORKBOOK.md). */
  readonly title: string;
  /** The official title, in the execution's language: what a person reads. */
  readonly label: string;
}

function principle(letter: string, title: string, key: MessageKey): GcmPrinciple {
  return {
    letter,
    title,
    get label() {
      return t(key);
    },
  };
}

/**
 * Paragraph 15 of the Compact.
 * @i18n-exempt: the titles are the dropdown values of the Workplan's Guiding principles column (WORKBOOK.md)
 */
export const gcmPrinciples = /* @__PURE__ */ builtOnce((): readonly GcmPrinciple[] => [
  principle('a', 'People-centred', 'gcm.principle.a'),
  principle('b', 'International cooperation', 'gcm.principle.b'),
  principle('c', 'National sovereignty', 'gcm.principle.c'),
  principle('d', 'Rule of law and due process', 'gcm.principle.d'),
  principle('e', 'Sustainable development', 'gcm.principle.e'),
  principle('f', 'Human rights', 'gcm.principle.f'),
  principle('g', 'Gender-responsive', 'gcm.principle.g'),
  principle('h', 'Child-sensitive', 'gcm.principle.h'),
  principle('i', 'Whole-of-government approach', 'gcm.principle.i'),
  principle('j', 'Whole-of-society approach', 'gcm.principle.j'),
]);

export function gcmObjective(n: number): GcmObjective | undefined {
  return gcmObjectives()[n - 1];
}
