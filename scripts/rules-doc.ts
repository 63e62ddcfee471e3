/**
 * docs/rules.md as text: every rule of the registry in its order, with its entry in rules-guide.ts,
 * the ToR words it enforces under each profile (the clause table) and the profiles' defaults of the
 * settings it depends on. `npm run docs` writes it; a test fails when the file differs.
 */
import { PROFILES } from '../src/domain/profiles';
import { RULES } from '../src/domain/rules';
import { CLAUSES } from '../src/domain/rules';
import { BASELINES, type Quote } from '../src/domain/rules/clauses';
import type { ClauseKey, RuleId } from '../src/domain/rules/ids';
import { PROFILE_IDS, settingLabel, type SettingKey, type Settings } from '../src/domain/settings';
import { RULE_GUIDE, type RuleGuide } from './rules-guide';

export const RULES_DOC = 'docs/rules.md';

const GROUPS: Readonly<Record<string, string>> = {
  members: 'Members and focal points',
  meetings: 'Meetings',
  decisions: 'Decisions',
  actions: 'Actions',
  workplan: 'Workplan',
  groups: 'Working groups',
  data: 'The workbook itself',
};

const TOR_PROFILES = PROFILE_IDS.filter((p) => p !== 'custom');

export function guideOf(id: RuleId): RuleGuide {
  return RULE_GUIDE[id];
}

/** The anchor GitHub gives a heading made of the rule's id alone. */
function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 _-]/g, '');
}

/** The clause table's keys for a rule: the id itself, or the id with an aspect (`members.roles/Chair`). */
function clauseKeys(id: string, keys: readonly string[]): string[] {
  return keys.filter((k) => k === id || k.startsWith(`${id}/`));
}

function aspectOf(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? '' : key.slice(slash + 1);
}

/** Texts with the aspects each stands for: one ToR sentence may ground several roles. */
function withAspects(entries: readonly (readonly [text: string, key: string])[]): string {
  const aspects = new Map<string, string[]>();
  for (const [text, key] of entries)
    aspects.set(
      text,
      [...(aspects.get(text) ?? []), aspectOf(key)].filter((a) => a !== ''),
    );
  return [...aspects].map(([text, list]) => (list.length === 0 ? text : `${text} (${list.join(', ')})`)).join('; ');
}

function quoted(quote: Quote): string {
  return `${quote.section}: ${quote.words.map((w) => `"${w}"`).join(' … ')}`;
}

function torLines(id: string, guide: RuleGuide): string[] {
  const keys = clauseKeys(id, Object.keys(CLAUSES)) as ClauseKey[];
  return TOR_PROFILES.map((profile) => {
    const name = PROFILES[profile].torName;
    const quotes = keys.flatMap((k) => {
      const quote = CLAUSES[k]?.[profile];
      return quote === undefined ? [] : [[quoted(quote), k] as const];
    });
    if (quotes.length > 0) return `- ${name}, ${withAspects(quotes)}`;
    return guide.settings.length > 0
      ? `- ${name}: no words of its own; the rule applies when the Settings turn it on, and its findings then cite the Settings row`
      : `- ${name}: no words of its own`;
  });
}

function customLine(id: string, guide: RuleGuide): string {
  const baselines = withAspects(clauseKeys(id, Object.keys(BASELINES)).map((k) => [BASELINES[k] ?? '', k] as const));
  if (id.startsWith('data.'))
    return `- Not a ToR clause: the workbook contract ([workbook.md](workbook.md)): ${baselines}`;
  if (baselines !== '') return `- Custom profile: the add-on's baseline: ${baselines}`;
  return guide.settings.length > 0 ? '- Custom profile: the Settings row below' : '- Custom profile: nothing to check';
}

function settingValue(value: Settings[SettingKey]): string {
  if (Array.isArray(value))
    return value.length === 0
      ? 'blank'
      : value.length > 3
        ? `${value.slice(0, 3).join(', ')} and ${value.length - 3} more`
        : value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value === null || value === '' ? 'blank' : String(value);
}

function settingLine(key: SettingKey): string {
  const defaults = PROFILE_IDS.map(
    (p) => `${p === 'custom' ? 'custom profile' : PROFILES[p].torName} ${settingValue(PROFILES[p].defaults[key])}`,
  );
  return `- "${settingLabel(key)}": ${defaults.join(' · ')}`;
}

function ruleSection(id: RuleId, needs: readonly string[]): string[] {
  const guide = guideOf(id);
  const lines = [
    `### \`${id}\``,
    '',
    `**Severity:** ${guide.severity.join(', ')} · **Reads:** ${needs.length > 0 ? needs.join(', ') : 'every tab'} · **Ref:** ${guide.ref}`,
    '',
    guide.checks,
    '',
    '**The clause it enforces:**',
    '',
    ...(id.startsWith('data.') ? [] : torLines(id, guide)),
    customLine(id, guide),
    '',
  ];
  if (guide.settings.length > 0) {
    lines.push('**Settings it depends on** (the default of each profile):', '', ...guide.settings.map(settingLine), '');
  }
  lines.push(`**How to fix:** ${guide.fix}`, '');
  return lines;
}

export function rulesMarkdown(): string {
  const groups = [...new Set(RULES.map((r) => r.id.split('.')[0] ?? ''))];
  const out = [
    '<!-- Generated by `npm run docs` from src/domain/rules (RULES, CLAUSES, BASELINES) and scripts/rules-guide.ts. Edit those, then run `npm run docs`. -->',
    '',
    '# The compliance rules',
    '',
    '*Check → Run compliance check* (and `unmn check`) runs every rule below over the workbook as of',
    'today and writes one row a finding to the Compliance tab: its severity, the rule, the tab and row',
    'to look at, a Ref, what is wrong, the clause of the ToR it enforces and how to fix it.',
    '',
    '- **error**: the ToR or the workbook contract is broken; **warning**: something is late or',
    '  missing and should be seen to; **info**: a good practice the ToR points to.',
    '- A rule whose setting is off or blank yields nothing. Members count on a day when their Status is',
    '  Active, Joined on is blank or on or before that day, and Left on is blank or after it. Cancelled',
    '  and Planned meetings are not held meetings.',
    "- A finding quotes the ToR of the network's profile. It cites the Settings row instead when the",
    '  ToR has no words for the rule and a setting turned it on, or when a number it counts with',
    "  (a cadence, a deadline) was changed from the ToR's.",
    '- A row the check cannot read is reported once, by `data.invalid`, and every other rule still runs',
    '  on the rest.',
    '',
    '| rule | severity | what it checks |',
    '|---|---|---|',
    ...RULES.map(
      (r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${guideOf(r.id).severity.join(', ')} | ${guideOf(r.id).checks} |`,
    ),
    '',
  ];
  for (const group of groups) {
    out.push(`## ${GROUPS[group] ?? group}`, '');
    for (const rule of RULES.filter((r) => r.id.startsWith(`${group}.`))) out.push(...ruleSection(rule.id, rule.needs));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
