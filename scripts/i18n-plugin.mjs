// The message catalogues compiled at build time, for the bundles that must not carry a compiler: the
// esbuild plugin below puts, in the place of src/domain/i18n/catalogues.ts (which compiles on first
// use, for the tests and the Node programs), the same ICU messages compiled by the same library
// (@messageformat/core) into plain functions. A language left out of a bundle is compiled into a
// script of its own (lazyCatalogueScript) that Apps Script reads and runs only where it is used.
import MessageFormat from '@messageformat/core';
import compileModule from '@messageformat/core/compile-module.js';
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const messages = path.join(root, 'src/domain/i18n/messages');
export const LANGUAGES = ['en', 'ru'];

/**
 * Every message of a language as `<area>.<key>`, from the areas asked for (all when none are), and of
 * those only the keys asked for when a list is given; under its short name where `names` gives one.
 */
export function catalogueOf(language, areas, keys, names) {
  const wanted = keys && new Set(keys);
  const flat = {};
  for (const file of readdirSync(path.join(messages, language)).sort()) {
    const area = file.replace(/\.json$/, '');
    if (!file.endsWith('.json') || (areas && !areas.includes(area))) continue;
    const table = JSON.parse(readFileSync(path.join(messages, language, file), 'utf8'));
    for (const [key, text] of Object.entries(table))
      if (!wanted || wanted.has(`${area}.${key}`)) flat[names?.get(`${area}.${key}`) ?? `${area}.${key}`] = text;
  }
  return flat;
}

/**
 * An ES module whose default export maps each key to its compiled function, or to its text where the
 * message has no placeholder: a function that returns a constant is `() =>` more on each of them
 * (the stub of messagesPlugin makes it a function again).
 */
function compiledModule(language, areas, keys, names) {
  const source = withoutRepeatedForms(
    compileModule(new MessageFormat(language), catalogueOf(language, areas, keys, names)),
  );
  const shared = withSharedStrings(source.replace(/^( {2}"[^"\n]+": )\(\) => ("(?:[^"\\\n]|\\.)*")(,?)$/gm, '$1$2$3'));
  return names && [...names.values()].every((name) => typeof name === 'number') ? asArray(shared) : shared;
}

/** The module's catalogue as an array, each message at its place, where the keys are places (keyPlaces). */
function asArray(source) {
  const start = source.indexOf('export default {');
  const slots = [];
  for (const [, place, value] of source.slice(start).matchAll(/^ {2}"(\d+)": (.*?),?$/gm)) slots[Number(place)] = value;
  return `${source.slice(0, start)}export default [${Array.from(slots, (value) => value ?? '').join(',\n')}];\n`;
}

/**
 * The compiled module with each text that its messages repeat held once in a constant: the minifier
 * keeps every copy of a literal, and the Russian messages repeat whole clauses (" в тот день являлся
 * членом Сети и не указан в столбце «Consulted»" in two rules, "Решение " in nine). Only a text whose
 * copies weigh more than the constant and its uses (a name of two letters each) is shared.
 */
export function withSharedStrings(source) {
  const body = source.indexOf('export default');
  // Every string literal, and whether it names a property (a key, a plural's "0") rather than a text.
  const literal = /"(?:[^"\\\n]|\\.)*"(\s*:)?/g;
  const uses = new Map();
  for (const [text, key] of source.slice(body).matchAll(literal))
    if (key === undefined) uses.set(text, (uses.get(text) ?? 0) + 1);
  const shared = new Map();
  for (const [text, n] of uses)
    if ((n - 1) * Buffer.byteLength(text) - 2 * n - 4 > 0) shared.set(text, `$s${shared.size}`);
  if (shared.size === 0) return source;
  const constants = [...shared].map(([text, name]) => `const ${name} = ${text};\n`).join('');
  const texts = source.slice(body).replace(literal, (text, key) => (key === undefined && shared.get(text)) || text);
  return source.slice(0, body) + constants + texts;
}

/**
 * The compiled messages without the plural forms that say what `other` says: Russian messages
 * write few, many and other out, often alike, and the runtime's plural() falls back to `other` for a
 * form it is not given. Reads the cases object of each plural(...) call, minding strings and brackets.
 */
export function withoutRepeatedForms(source) {
  let out = '';
  let from = 0;
  for (let at = source.indexOf('plural(', from); at !== -1; at = source.indexOf('plural(', from)) {
    const open = casesStart(source, at + 'plural('.length);
    if (open === -1) break;
    const { entries, end } = casesOf(source, open);
    const other = entries.find(([name]) => name === 'other')?.[1];
    const kept = entries.filter(([name, value]) => name === 'other' || /^"/.test(name) || value !== other);
    out += source.slice(from, open) + `{ ${kept.map(([name, value]) => `${name}: ${value}`).join(', ')} }`;
    from = end;
  }
  return out + source.slice(from);
}

/** The `{` of a plural call's cases: its fourth argument. */
function casesStart(source, i) {
  let commas = 0;
  for (let depth = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"') i = stringEnd(source, i);
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) commas++;
    else if (c === '{' && depth === 0 && commas === 3) return i;
    if (depth < 0) return -1;
  }
  return -1;
}

function stringEnd(source, i) {
  for (i++; source[i] !== '"'; i++) if (source[i] === '\\') i++;
  return i;
}

/** The `name: value` entries of the object literal at `open`, and the index just past its `}`. */
function casesOf(source, open) {
  const entries = [];
  let start = open + 1;
  for (let i = open + 1, depth = 0; ; i++) {
    const c = source[i];
    if (c === '"') i = stringEnd(source, i);
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ',' || c === '}') && depth === 0) {
      const entry = source.slice(start, i).trim();
      const colon = entry.search(/:\s/);
      if (entry !== '') entries.push([entry.slice(0, colon), entry.slice(colon + 1).trim()]);
      if (c === '}') return { entries, end: i + 1 };
      start = i + 1;
    } else if (c === ')' || c === ']' || c === '}') depth--;
  }
}

/**
 * The keys of the catalogue that a bundle's code names, read in that code built with no catalogue
 * (`keys: []`): a string or template literal that starts with an area and a dot names every key it
 * begins, so a literal key names itself (and any key it is the start of) and `email.column.${x}`
 * names every key under `email.column.`. With `wholeAreas`, each area named at all comes whole: the
 * Apps Script bundle takes no risk on a key put together in a way this reading misses, while a
 * page, which must stay small, takes the keys it names.
 */
export function keysNamedIn(code, { wholeAreas = false } = {}) {
  const all = Object.keys(catalogueOf('en'));
  const named = startsNamedIn(code, all);
  if (wholeAreas) {
    const used = new Set(named.map((start) => start.slice(0, start.indexOf('.'))));
    return all.filter((key) => used.has(key.slice(0, key.indexOf('.'))));
  }
  return all.filter((key) => named.some((start) => key.startsWith(start)));
}

/** Every literal of the code that starts with an area of the catalogue and a dot, up to where it stops. */
function startsNamedIn(code, all) {
  const areas = new Set(all.map((key) => key.slice(0, key.indexOf('.'))));
  return [...code.matchAll(/["'`]([a-z][a-z0-9-]*)\.([a-z0-9._-]*)/g)]
    .filter(([, area]) => areas.has(area))
    .map(([, area, rest]) => `${area}.${rest}`);
}

/**
 * A short name for each of those keys that the code (built with no catalogue) names only as whole
 * strings: a page carries each key twice, in the call and in its catalogue, and the names are a
 * tenth of a page. A key that a literal could be the start of (`rules.baseline.${id}`, a string
 * that stops at a dot or is added to) keeps its name.
 */
export function shortKeyNames(code, keys) {
  const parts = [...code.matchAll(/(["'`])([a-z][a-z0-9-]*\.[a-z0-9._-]*)(.?)/g)]
    .filter(([, open, , close]) => close !== open)
    .map(([, , start]) => start);
  const whole = keys.filter((key) => !parts.some((start) => key.startsWith(start)));
  return new Map(whole.map((key, i) => [key, shortName(i)]));
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Where the code names every key a page carries as a whole string, each key's place in its catalogue
 * (from 1: no key is falsy): the catalogue is then an array, which names no key at all, and a call
 * names it by a number, without quotes; else null (shortKeyNames).
 */
export function keyPlaces(code, keys) {
  const names = shortKeyNames(code, keys);
  return names.size === keys.length ? new Map(keys.map((key, i) => [key, i + 1])) : null;
}

/** a … Z, then aa, ab …: names a property needs no quotes for. */
function shortName(i) {
  return i < LETTERS.length ? LETTERS[i] : shortName(Math.floor(i / LETTERS.length) - 1) + LETTERS[i % LETTERS.length];
}

/**
 * The built code with each of those keys, wherever it stands as a whole string, under its short name:
 * unquoted where it names a property of an object literal (after `{` or `,`), quoted elsewhere.
 */
export function withShortKeys(code, names) {
  if (names.size === 0) return code;
  const keys = [...names.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.]/g, '\\.'));
  return code
    .replace(new RegExp(`([{,])"(${keys.join('|')})":`, 'g'), (_, before, key) => `${before}${names.get(key)}:`)
    .replace(new RegExp(`"(${keys.join('|')})"`, 'g'), (_, key) => JSON.stringify(names.get(key)));
}

/**
 * The sources with each of those keys, wherever it stands as a whole string, under its short name
 * (shortKeyNames), for a bundle with a source map: renamed before bundling, each line stays where it
 * was, where withShortKeys, after it, would move every column the map points to.
 */
export function shortKeysPlugin(names) {
  const keys = [...names.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.]/g, '\\.'));
  const literal = new RegExp(`(['"\`])(${keys.join('|')})\\1`, 'g');
  return {
    name: 'unmn-short-keys',
    setup(b) {
      b.onLoad({ filter: /[\\/](src|sidebar)[\\/].*\.tsx?$/ }, async (args) => ({
        contents: (await readFile(args.path, 'utf8')).replace(
          literal,
          (_, quote, key) => `${quote}${names.get(key)}${quote}`,
        ),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      }));
    },
  };
}

/** The body of a function that returns the compiled catalogue, self-contained (runtime included). */
export async function lazyCatalogueScript(language, areas, keys, names) {
  const result = await build({
    stdin: { contents: compiledModule(language, areas, keys, names), resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'iife',
    globalName: '__catalogue',
    platform: 'neutral',
    target: 'es2020',
    minify: true,
    // Cyrillic as itself, not as \u escapes three times its size: a project file is UTF-8.
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  return `${result.outputFiles[0].text}\nreturn __catalogue.default;\n`;
}

/**
 * inline: the languages compiled into the bundle, of `areas` only when given; lazy: those read
 * whole, on the first key the bundle lacks, through the reader the host gives readCataloguesWith
 * (Apps Script reads a project file). A language neither inlined nor lazy falls back to the first
 * inlined one. keys: the messages to carry (keysNamedIn), all when not given.
 */
export function messagesPlugin({ inline, lazy = [], areas, keys, names }) {
  const stub = [
    ...inline.map((language) => `import ${language} from 'unmn-catalogue:${language}';`),
    `const INLINE = { ${inline.join(', ')} };`,
    `const LAZY = ${JSON.stringify(lazy)};`,
    `const FIRST = ${JSON.stringify(inline[0] ?? null)};`,
    'let reader;',
    'export function readCataloguesWith(read) { reader = read; }',
    // A catalogue that cannot be read leaves its language to English (t() falls back key by key).
    'function readLazy(language) {',
    '  try { return new Function(reader(language))(); }',
    '  catch (error) { console.error(`Messages-${language}.html could not be read: ${error}`); return {}; }',
    '}',
    // The inlined part of a language first (in Apps Script, the menu: onOpen may read no file), then,
    // on the first key it lacks, the language's own file.
    // A message without placeholders is kept as its text (compiledModule): t() calls a function.
    "const render = (message) => (typeof message === 'string' ? () => message : message);",
    'export function loadCatalogue(language) {',
    '  const core = INLINE[language];',
    '  if (!(reader && LAZY.includes(language))) { const table = core || INLINE[FIRST] || {}; return (key) => render(table[key]); }',
    '  let rest;',
    '  return (key) => render((core && core[key]) || (rest = rest || readLazy(language))[key]);',
    '}',
  ].join('\n');
  return {
    name: 'unmn-messages',
    setup(b) {
      b.onLoad({ filter: /src[\\/]domain[\\/]i18n[\\/]catalogues\.ts$/ }, () => ({
        contents: stub,
        loader: 'js',
        resolveDir: root,
      }));
      b.onResolve({ filter: /^unmn-catalogue:/ }, (args) => ({
        path: args.path.split(':')[1],
        namespace: 'unmn-catalogue',
      }));
      b.onLoad({ filter: /.*/, namespace: 'unmn-catalogue' }, (args) => ({
        contents: compiledModule(args.path, areas, keys, names),
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}
