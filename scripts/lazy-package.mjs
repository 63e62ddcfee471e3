// A package whose own modules run on first use, inside Code.js. esbuild runs the top-level code of
// every module it bundles when the bundle loads, and V8 compiles that code in full: zod's modules
// define their classes there (37 calls, at every execution), though every schema is built on first
// use (src/domain/lazy.ts) and most executions build none. Here the package's import becomes a module
// of stubs, one per function the sources call, each requiring the package on its first call: esbuild
// then wraps the package's modules in functions that this require runs, and still leaves out
// whatever no stub names. Unlike a lazy library, the package stays in Code.js: no file to read.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the package is installed, resolved from. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Marks the resolutions this plugin asks esbuild for itself, so that it does not intercept them again. */
const OWN = Symbol('lazy-package');

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Every TypeScript file under `dir`. */
function sourcesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The names the sources take from `specifier`: `ns.name` of a namespace import, or imported by name. */
function namesUsed(specifier, dir) {
  const from = `from\\s*['"]${escaped(specifier)}['"]`;
  const names = new Set();
  for (const file of sourcesUnder(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const [, ns] of text.matchAll(new RegExp(`import\\s*\\*\\s*as\\s+(\\w+)\\s*${from}`, 'g')))
      for (const [, name] of text.matchAll(new RegExp(`\\b${ns}\\.(\\w+)`, 'g'))) names.add(name);
    for (const [, list] of text.matchAll(new RegExp(`import\\s*(?:type\\s*)?\\{([^}]*)\\}\\s*${from}`, 'g')))
      for (const part of list.split(','))
        names.add(
          part
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0],
        );
  }
  names.delete('');
  return names;
}

/**
 * The esbuild plugin that puts the stubs in place of `specifier`: one for each function the sources
 * under `dir` use. A class (zod's carry `init`) or another value is not stubbed: its use in the code
 * is refused by the build, as a stub would break `instanceof` or be read before the package runs.
 */
export async function lazyPackagePlugin(specifier, dir) {
  const exports = await import(specifier);
  const functions = [...namesUsed(specifier, dir)]
    .filter((name) => typeof exports[name] === 'function' && !('init' in exports[name]))
    .sort();
  const stubs = [
    'let loaded;',
    `const load = () => loaded || (loaded = require('lazy-package-whole:${specifier}'));`,
    // Numbered: a name such as `enum` is a reserved word, which only an export clause may use.
    ...functions.map(
      (name, i) => `function f${i}() { return load()[${JSON.stringify(name)}].apply(this, arguments); }`,
    ),
    `export { ${functions.map((name, i) => `f${i} as ${name}`).join(', ')} };`,
  ].join('\n');
  const whole = `export { ${functions.join(', ')} } from '${specifier}';`;
  return {
    name: `lazy-package-${specifier}`,
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${escaped(specifier)}$`) }, async (args) => {
        if (args.pluginData === OWN) return undefined;
        if (args.namespace === 'lazy-package-whole')
          return b.resolve(specifier, { kind: args.kind, resolveDir: root, pluginData: OWN });
        return { path: specifier, namespace: 'lazy-package' };
      });
      b.onResolve({ filter: new RegExp(`^lazy-package-whole:${escaped(specifier)}$`) }, (args) => ({
        path: args.path,
        namespace: 'lazy-package-whole',
      }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, () => ({ contents: stubs, loader: 'js', resolveDir: dir }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-package-whole' }, () => ({
        contents: whole,
        loader: 'js',
        resolveDir: root,
      }));
      // A name the code takes that no stub has would be undefined at run time: esbuild only warns.
      b.onEnd((result) => {
        const missing = result.warnings.filter((w) => w.id === 'import-is-undefined' && w.text.includes(specifier));
        if (missing.length > 0)
          throw new Error(`Code.js takes from ${specifier} what is not a function: ${missing[0].text}`);
      });
    },
  };
}
