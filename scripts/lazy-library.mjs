// A library that only some executions use, kept out of Code.js: Apps Script parses every script file
// of a project on every execution, but reads an HTML file only when asked. The library is bundled on
// its own as dist/<file>.html, the body of a function that returns its exports; in Code.js its
// import becomes a stub of the same names that reads and runs that file on first use.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The stub's source: each export of the library, forwarded to the library once it is read. */
async function stubOf(specifier, file) {
  const exports = await import(specifier);
  const forward = Object.entries(exports).map(([name, value]) => {
    const target = `load()[${JSON.stringify(name)}]`;
    const head = name === 'default' ? 'export default function' : `export function ${name}`;
    if (typeof value === 'function')
      return `${head}(...args) { return new.target ? new (${target})(...args) : ${target}(...args); }`;
    // Enumerations and other values: read through, so that nothing is read before it is used.
    return `export const ${name} = new Proxy({}, { get: (_, key) => ${target}[key] });`;
  });
  return [
    'let library;',
    // HtmlService is the Apps Script global: this stub exists only in the Apps Script bundle.
    `const load = () => library || (library = new Function(HtmlService.createHtmlOutputFromFile(${JSON.stringify(file)}).getContent())());`,
    ...forward,
  ].join('\n');
}

/** The esbuild plugin that puts the stub in place of `specifier` in the bundle. */
export function lazyLibraryPlugin(specifier, file) {
  const filter = new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}$`);
  return {
    name: `lazy-${specifier}`,
    setup(b) {
      b.onResolve({ filter }, () => ({ path: specifier, namespace: 'lazy-library' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-library' }, async () => ({
        contents: await stubOf(specifier, file),
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

/** How every file Code.js reads on first use is bundled: for Apps Script, minified, kept in memory. */
export const LAZY_FILE_OPTIONS = {
  bundle: true,
  platform: 'neutral',
  target: 'es2020',
  mainFields: ['module', 'main'],
  minify: true,
  // A project file is UTF-8: letters as themselves, not as escapes.
  charset: 'utf8',
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
};

/** The library as the body of a function that returns its exports, minified, self-contained. */
export async function lazyLibraryScript(specifier) {
  const result = await build({
    ...LAZY_FILE_OPTIONS,
    stdin: { contents: `export * from '${specifier}'; export { default } from '${specifier}';`, resolveDir: root },
    format: 'iife',
    globalName: '__library',
  });
  return `${result.outputFiles[0].text}\nreturn __library;`;
}
