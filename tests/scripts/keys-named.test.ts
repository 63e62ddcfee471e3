import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { catalogueOf, keysNamedIn, shortKeyNames, withShortKeys } from '../../scripts/i18n-plugin.mjs';

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

describe('the short names of the keys a page carries', () => {
  const code =
    't("sidebar.close");t("sidebar.none");const b=x=>t(`rules.baseline.${x}`);t("rules.baseline.groups-ended")';
  const keys = ['sidebar.close', 'sidebar.none', 'rules.baseline.groups-ended'];
  const names = shortKeyNames(code, keys) as Map<string, string>;

  it('are given to the keys named only as whole strings, not to those a template could put together', () => {
    expect([...names.keys()]).toEqual(['sidebar.close', 'sidebar.none']);
    expect(new Set(names.values()).size).toBe(2);
    for (const name of names.values()) expect(name).toMatch(/^[a-zA-Z]{1,2}$/);
  });

  it('replace each whole key in the call and in the catalogue alike (a bare property name), and nothing else', () => {
    const built =
      'c("sidebar.close");var m={"sidebar.close":()=>"Close","sidebar.close-all":()=>"x"};"sidebar.close.";x?"sidebar.close":0';
    const short = withShortKeys(built, names) as string;
    const close = names.get('sidebar.close');
    expect(short).toBe(
      `c("${close}");var m={${close}:()=>"Close","sidebar.close-all":()=>"x"};"sidebar.close.";x?"${close}":0`,
    );
  });
});

/** An entry bundled with the messages plugin as a page is, and what it leaves in `globalThis.out` when run. */
async function bundled(
  entry: string,
  options: object,
  rename: (code: string) => string = (code) => code,
): Promise<{ code: string; out?: string[] }> {
  const { build } = await import('esbuild');
  // @ts-expect-error: a build script in plain JavaScript, without types
  const { messagesPlugin } = await import('../../scripts/i18n-plugin.mjs');
  const built = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
    plugins: [messagesPlugin(options)],
  });
  const code = rename(built.outputFiles[0]!.text);
  const scope: { out?: string[] } = {};
  new Function('globalThis', code)(scope);
  return { code, out: scope.out };
}

describe('a page catalogue', () => {
  it('keeps a message without placeholders as its text, and t() still renders it', async () => {
    const { code, out } = await bundled(
      'import { t } from "./src/domain/i18n"; globalThis.out = [t("sidebar.close"), t("sidebar.meeting.save", { id: "M-1" })];',
      { inline: ['en'], keys: ['sidebar.close', 'sidebar.meeting.save'] },
    );
    expect(code).toMatch(/"sidebar\.close": "Close"/);
    expect(out).toEqual(['Close', 'Save M-1']);
  });
});

describe('a page whose code names every key it carries whole', () => {
  const keys = ['sidebar.close', 'sidebar.meeting.save'];

  it('numbers them from 1, and only then', async () => {
    // @ts-expect-error: a build script in plain JavaScript, without types
    const { keyPlaces } = await import('../../scripts/i18n-plugin.mjs');
    expect([...keyPlaces('t("sidebar.close");t("sidebar.meeting.save")', keys)]).toEqual([
      ['sidebar.close', 1],
      ['sidebar.meeting.save', 2],
    ]);
    expect(keyPlaces('t("sidebar.close");t(`sidebar.meeting.${x}`)', keys)).toBeNull();
  });

  it('carries its catalogue as an array that names no key, and t() finds each message by its number', async () => {
    // @ts-expect-error: a build script in plain JavaScript, without types
    const { keyPlaces } = await import('../../scripts/i18n-plugin.mjs');
    const entry = `import { t } from "./src/domain/i18n"; globalThis.out = [t("sidebar.close"), t("sidebar.meeting.save", { id: "M-1" })];`;
    const names = keyPlaces(entry, keys) as Map<string, number>;
    const { code, out } = await bundled(
      entry,
      { inline: ['en'], keys, names },
      (c) => withShortKeys(c, names) as string,
    );
    expect(code).not.toMatch(/sidebar\./);
    expect(code).toMatch(/\[\s*,\s*"Close",/);
    expect(code).toContain('t(1)');
    expect(out).toEqual(['Close', 'Save M-1']);
  });
});

describe('the compiled Russian plurals', () => {
  it('leave out the forms that say what other says, and still count in one, few and many', async () => {
    // @ts-expect-error: a build script in plain JavaScript, without types
    const { withoutRepeatedForms } = await import('../../scripts/i18n-plugin.mjs');
    const compiled =
      'export default { a: (d) => plural(d.n, 0, ru, { "0": "нет", one: "ответ «" + d.x + "»", few: f(d.n, "), }"), many: "ответов", other: f(d.n, "), }") }) };';
    expect(withoutRepeatedForms(compiled)).toBe(
      'export default { a: (d) => plural(d.n, 0, ru, { "0": "нет", one: "ответ «" + d.x + "»", many: "ответов", other: f(d.n, "), }") }) };',
    );
    const { out } = await bundled(
      'import { t, useLanguage } from "./src/domain/i18n"; useLanguage("ru"); globalThis.out = [1, 3, 5, 21].map((n) => t("common.count.error", { n }));',
      { inline: ['ru'], keys: ['common.count.error'] },
    );
    expect(out).toEqual(['1 ошибка', '3 ошибки', '5 ошибок', '21 ошибка']);
  });
});

describe('the texts compiled messages repeat', () => {
  it('are held once, and each message still says all of its words', async () => {
    // @ts-expect-error: a build script in plain JavaScript, without types
    const { withSharedStrings } = await import('../../scripts/i18n-plugin.mjs');
    const repeated = '" не изменено: ничего не записано."';
    const compiled = `import { x } from "y";\nexport default {\n  "a": (d) => "Решение " + d.id + ${repeated},\n  "b": (d) => "Заседание " + d.id + ${repeated},\n  "c": "Решение "\n};\n`;
    const shared = withSharedStrings(compiled) as string;
    expect(shared.split(repeated)).toHaveLength(2);
    expect(shared).toContain('"a": (d) =>');
    expect(new Function(shared.replace(/^import.*\n/, '').replace('export default', 'return'))().b({ id: 'M-1' })).toBe(
      'Заседание M-1 не изменено: ничего не записано.',
    );
    const { code, out } = await bundled(
      'import { t, useLanguage } from "./src/domain/i18n"; useLanguage("ru"); globalThis.out = [t("sidebar.unchanged.decision", { id: "D-1" }), t("sidebar.unchanged.meeting", { id: "M-1" })];',
      { inline: ['ru'], keys: ['sidebar.unchanged.decision', 'sidebar.unchanged.meeting'] },
    );
    expect(code.split(' не изменено: ничего не записано.')).toHaveLength(2);
    expect(out).toEqual([
      'Решение D-1 не изменено: ничего не записано.',
      'Заседание M-1 не изменено: ничего не записано.',
    ]);
  });
});
