import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { catalogueOf, keysNamedIn } from '../../scripts/i18n-plugin.mjs';

const all = Object.keys(catalogueOf('en') as Record<string, string>);
const some = (prefix: string) => all.filter((key) => key.startsWith(prefix));

describe('the messages a bundle carries', () => {
  it('are the keys its code names, literally or as the start of a template', () => {
    const [one] = some('reports.run.');
    const code = `t("${one}");const e=x=>t(\`email.column.\${x}\`);`;
    expect(keysNamedIn(code).sort()).toEqual([one, ...some('email.column.')].sort());
    expect(some('email.column.').length).toBeGreaterThan(1);
  });

  it('are whole areas when asked, and none for text that only looks like a key', () => {
    const [one] = some('menu.');
    expect(keysNamedIn(`t('${one}')`, { wholeAreas: true })).toEqual(some('menu.'));
    expect(keysNamedIn(`"e.g. UNFPA";"nowhere.else";'Sent.'`, { wholeAreas: true })).toEqual([]);
  });
});
