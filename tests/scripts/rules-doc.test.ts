import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/domain/rules';
import * as labels from '../../src/domain/setting-labels';
import { RULES_DOC, rulesMarkdown } from '../../scripts/rules-doc';
import { RULE_GUIDE } from '../../scripts/rules-guide';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RULES_DIR = path.join(ROOT, 'src/domain/rules');

/** For each rule id, what its code hands out: `finding('id', 'severity'` and `ctx.clause('id…', SETTING)`. */
function fromCode(): { severities: Map<string, Set<string>>; settings: Map<string, Set<string>> } {
  const severities = new Map<string, Set<string>>();
  const settings = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, id: string, value: string) =>
    map.set(id, (map.get(id) ?? new Set()).add(value));
  for (const file of readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(path.join(RULES_DIR, file), 'utf8');
    for (const m of source.matchAll(/finding\(\s*'([a-z]+\.[a-z-]+)',\s*'(error|warning|info)'/g))
      add(severities, m[1]!, m[2]!);
    // A rule cites a setting by its constant of setting-labels.ts, imported under its name or another.
    const imported = /import \{([^}]*)\} from '\.\.\/setting-labels'/.exec(source)?.[1] ?? '';
    const local = new Map(
      [...imported.matchAll(/(\w+)(?:\s+as\s+(\w+))?/g)].map(([, name, alias]) => [alias ?? name!, name!]),
    );
    for (const m of source.matchAll(/ctx\.clause\(\s*[`']([a-z]+\.[a-z-]+)[^)]*?,\s*(\w+)\s*\)/g))
      add(
        settings,
        m[1]!,
        (labels as unknown as Record<string, readonly [string, string]>)[local.get(m[2]!) ?? '']?.[0] ?? m[2]!,
      );
  }
  return { severities, settings };
}

describe('npm run docs', () => {
  it(`${RULES_DOC} is what the rule registry and scripts/rules-guide.ts give (run \`npm run docs\` after changing a rule)`, () => {
    expect(readFileSync(path.join(ROOT, RULES_DOC), 'utf8')).toBe(rulesMarkdown());
  });

  it('scripts/rules-guide.ts explains exactly the rules of the registry', () => {
    expect(Object.keys(RULE_GUIDE).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  const code = fromCode();
  it.each(RULES.map((r) => r.id))('the guide gives %s the severities and settings its code uses', (id) => {
    expect(new Set(RULE_GUIDE[id]?.severity)).toEqual(code.severities.get(id));
    expect(new Set(RULE_GUIDE[id]?.settings)).toEqual(code.settings.get(id) ?? new Set());
  });
});
