// The message catalogues compiled at build time, for the bundles that must not carry a compiler: the
// esbuild plugin below puts, in the place of src/domain/i18n/catalogues.ts (which compiles on first
// use, for the tests and the Node programs), the same ICU messages compiled by the same library
// (@messageformat/core) into plain functions. A language left out of a bundle is compiled into a
// script of its own (lazyCatalogueScript) that Apps Script reads and runs only where it is used.
import MessageFormat from '@messageformat/core';
import compileModule from '@messageformat/core/compile-module.js';
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const messages = path.join(root, 'src/domain/i18n/messages');
export const LANGUAGES = ['en', 'ru'];

/**
 * Every message of a language as `<area>.<key>`, from the areas asked for (all when none are), and
 * of those only the keys `keep` accepts, when given.
 */
export function catalogueOf(language, areas, keep) {
  const flat = {};
  for (const file of readdirSync(path.join(messages, language)).sort()) {
    const area = file.replace(/\.json$/, '');
    if (!file.endsWith('.json') || (areas && !areas.includes(area))) continue;
    const table = JSON.parse(readFileSync(path.join(messages, language, file), 'utf8'));
    for (const [key, text] of Object.entries(table)) if (!keep || keep(`${area}.${key}`)) flat[`${area}.${key}`] = text;
  }
  return flat;
}

/** An ES module whose default export maps each key to its compiled function. */
function compiledModule(language, areas, keep) {
  return compileModule(new MessageFormat(language), catalogueOf(language, areas, keep));
}

/** The body of a function that returns the compiled catalogue, self-contained (runtime included). */
export async function lazyCatalogueScript(language, areas, keep) {
  const result = await build({
    stdin: { contents: compiledModule(language, areas, keep), resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'iife',
    globalName: '__catalogue',
    platform: 'neutral',
    target: 'es2020',
    minify: true,
    // Russian as written: \u escapes would weigh three times more.
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  return `${result.outputFiles[0].text}\nreturn __catalogue.default;\n`;
}

/**
 * inline: the languages compiled into the bundle; lazy: those read, when first used, through the
 * reader the host gives readCataloguesWith (the Apps Script layer reads a project file). Any other
 * language falls back to the first inlined one.
 */
export function messagesPlugin({ inline, lazy = [], areas, keep }) {
  const stub = [
    ...inline.map((language) => `import ${language} from 'unmn-catalogue:${language}';`),
    `const INLINE = { ${inline.join(', ')} };`,
    `const LAZY = ${JSON.stringify(lazy)};`,
    'let reader;',
    'export function readCataloguesWith(read) { reader = read; }',
    'export function loadCatalogue(language) {',
    '  let table = INLINE[language];',
    '  if (!table && reader && LAZY.includes(language)) table = new Function(reader(language))();',
    `  table = table || INLINE[${JSON.stringify(inline[0])}];`,
    '  return (key) => table[key];',
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
        contents: compiledModule(args.path, areas, keep),
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}
