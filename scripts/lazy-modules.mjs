// Our own modules that only some executions run, kept out of Code.js as lazy-library.mjs keeps a
// library out: Apps Script parses every script file on every execution (onOpen, each sidebar call,
// each hourly tick) but reads an HTML file only when asked, and the compliance rules, the reports and
// the composed emails were a third of the bundle that every one of them parsed.
//
// A library is self-contained; our modules are not. They import modules the rest of Code.js uses, and
// some of those hold state: the execution's language and its catalogue (src/domain/i18n), schemas
// built on first use, error classes that callers test with instanceof. A copy of any of them in a
// lazy file would be a second language that nobody set, a second class that instanceof refuses. So
// each lazy file is built with every module outside its group external, which esbuild turns into
// require() calls, and Code.js runs the file with a require that hands over its own instances of
// those modules (getters, so a binding that changes is read as it is when used). A
// module is then in exactly one place: in Code.js, or in one lazy file.
//
// In Code.js, each module of the group that the rest imports is a stub of its functions, each
// reading the file on its first call. Only functions: a constant, a class or a schema cannot stand
// in for itself before the file is read without reading it at load, when onOpen may read no file.
// What the rest needs besides functions stays in Code.js (a folder's `keep`), and esbuild refuses the
// build ("No matching export") where code imports anything else from a stub. A module two lazy
// files would both hold is refused too: it would be two instances.
import { build, transform } from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { LAZY_FILE_OPTIONS } from './lazy-library.mjs';

/** Marks the resolutions this plugin asks esbuild for itself, so that it does not intercept them again. */
const OWN = Symbol('lazy-modules');

/** The modules that go into a group's file: its folder's but those it keeps in Code.js, and those it names. */
function ownedModules(root, { folder, keep = [], modules = [] }) {
  const dir = folder === undefined ? null : path.join(root, folder);
  const inFolder = dir === null ? [] : readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !keep.includes(f));
  return [...inFolder.map((f) => path.join(dir, f)), ...modules.map((f) => path.join(root, f))].sort();
}

/** The entry of a group's file: each of its modules as a namespace, m0, m1 … in `owned`'s order. */
const entryOf = (owned) => owned.map((f, i) => `export * as m${i} from ${JSON.stringify(f)};`).join('\n');

/** What the build names a module of Code.js that a lazy file requires, until it is given its number. */
const NEED = 'lazy-need:';

/**
 * Each module of Code.js that a file (esbuild's minified ESM) imports or re-exports from, and which
 * names (`*` for all of it), from the statements esbuild writes: `import{a as b}from"…"`,
 * `export{a}from"…"`, `import*as n from"…"`, `import"…"`.
 */
function needsOf(code) {
  const found = new Map();
  const statement = new RegExp(`(?:import|export)\\s*([^"]*?)\\s*(?:from\\s*)?"${NEED}([^"]+)"`, 'g');
  for (const [, clause, from] of code.matchAll(statement)) {
    if (clause !== '' && !/^[{*]/.test(clause))
      throw new Error(`A lazy module imports ${from} by default: import it by name (its namespace is handed over).`);
    const names = found.get(from) ?? new Set();
    const listed = clause.startsWith('{') ? clause.slice(1, -1).split(',') : clause === '' ? [] : ['*'];
    for (const name of listed.map((part) => part.trim().split(/\s+as\s+/)[0]).filter(Boolean)) names.add(name);
    found.set(from, names);
  }
  return found;
}

/**
 * One group's file: the body of a function of `require` that returns its modules (m0, m1 …), and
 * what it requires from Code.js: `needs[i]`, from where and which names (`*` for all), is
 * `require("i")`, numbered in the order of their paths so that a build writes the same file again.
 */
async function groupScript(root, { file }, owned, plugins) {
  const ownedSet = new Set(owned);
  const outside = {
    name: 'lazy-modules-outside',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData === OWN) return undefined;
        const found = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: OWN,
        });
        if (found.errors.length > 0 || ownedSet.has(found.path)) return found;
        // A package by its name, our own module by its path: Code.js imports it the same way.
        return { path: NEED + (/^[./]/.test(args.path) ? found.path : args.path), external: true };
      });
    },
  };
  const result = await build({
    ...LAZY_FILE_OPTIONS,
    stdin: { contents: entryOf(owned), resolveDir: root, loader: 'js' },
    format: 'esm',
    plugins: [outside, ...plugins],
  });
  const found = needsOf(result.outputFiles[0].text);
  const needs = [...found.keys()].sort().map((from) => ({ from, names: [...found.get(from)] }));
  const number = new Map(needs.map(({ from }, i) => [`"${NEED}${from}"`, `"${i}"`]));
  const esm = result.outputFiles[0].text.replace(new RegExp(`"${NEED}[^"]+"`, 'g'), (id) => {
    if (!number.has(id)) throw new Error(`A lazy module requires ${id} in a way needsOf does not read.`);
    return number.get(id);
  });
  const iife = await transform(esm, { ...pick(LAZY_FILE_OPTIONS), format: 'iife', globalName: '__modules' });
  // Named, so that a stack trace from the file says which one, as build/Code.js.map does for Code.js.
  return { script: `${iife.code}\nreturn __modules;\n//# sourceURL=${file}.html\n`, needs };
}

const pick = ({ target, minify, charset, legalComments }) => ({ target, minify, charset, legalComments });

/**
 * The functions each module exports (its classes excepted), read by running the group's modules
 * bundled whole: loading them touches no service, as loading Code.js touches none.
 */
async function functionsOf(root, owned, plugins) {
  const result = await build({
    ...LAZY_FILE_OPTIONS,
    stdin: { contents: entryOf(owned), resolveDir: root, loader: 'js' },
    format: 'iife',
    globalName: '__modules',
    plugins,
  });
  const context = vm.createContext({});
  vm.runInContext(result.outputFiles[0].text, context);
  const isClass = (value) => /^class\b/.test(Function.prototype.toString.call(value));
  return owned.map((_, i) => {
    const module = context.__modules[`m${i}`];
    return Object.keys(module).filter((name) => typeof module[name] === 'function' && !isClass(module[name]));
  });
}

/**
 * Builds each group's file and returns them with the esbuild plugin that, in Code.js, puts a stub in
 * place of each of their modules. groups: { file, folder, keep, modules } (keep: file names of the
 * folder that stay in Code.js; modules: paths from `root` of others the file holds). plugins: those
 * the files are built with (the short message keys). evalPlugins: those that bundle a group whole to
 * read its exports (the catalogues).
 */
export async function lazyModules(root, groups, { plugins = [], evalPlugins = [] } = {}) {
  const built = [];
  const owner = new Map();
  for (const group of groups) {
    const owned = ownedModules(root, group);
    for (const f of owned) {
      if (owner.has(f)) throw new Error(`${path.relative(root, f)} is in two lazy files: it would be two instances.`);
      owner.set(f, { group: built.length, index: owned.indexOf(f) });
    }
    const [{ script, needs }, functions] = await Promise.all([
      groupScript(root, group, owned, plugins),
      functionsOf(root, owned, evalPlugins),
    ]);
    built.push({ file: group.file, owned, script, needs, functions });
  }
  return {
    files: built.map(({ file, script }) => ({ file, script })),
    plugin: stubsPlugin(root, built, owner),
  };
}

/** The esbuild plugin of Code.js: each import of a lazy module from outside its group becomes its stub. */
function stubsPlugin(root, built, owner) {
  return {
    name: 'lazy-modules',
    setup(b) {
      b.onResolve({ filter: /^[./]/ }, async (args) => {
        if (args.pluginData === OWN) return undefined;
        const found = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: OWN,
        });
        // A lazy module is never loaded here, so every import of one comes from outside its group.
        const target = owner.get(found.path);
        if (target === undefined) return found;
        return { path: path.relative(root, found.path), namespace: 'lazy-module', pluginData: target };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => {
        const { group, index } = args.pluginData;
        return { contents: stubOf(built[group].functions[index], group, index), loader: 'js', resolveDir: root };
      });
      b.onResolve({ filter: /^lazy-(file|need):/ }, (args) => ({ path: args.path, namespace: 'lazy-modules' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-modules' }, (args) => {
        const [kind, group, need] = args.path.split(':');
        const { file, needs } = built[Number(group)];
        return {
          contents: kind === 'lazy-file' ? loaderOf(file, group, needs) : needOf(needs[Number(need)]),
          loader: 'js',
          resolveDir: root,
        };
      });
    },
  };
}

/** A module's stub: each of its functions, calling the module in its group's file. */
function stubOf(functions, group, index) {
  return [
    `import { load } from 'lazy-file:${group}';`,
    ...functions.map(
      (name) =>
        `export ${name === 'default' ? 'default function' : `function ${name}`}() { return load().m${index}[${JSON.stringify(name)}].apply(this, arguments); }`,
    ),
  ].join('\n');
}

/**
 * A group's loader: reads and runs its file on the first call, with Code.js's modules to require,
 * each handed over as its need module builds it then: nothing of them is built at Code.js's load.
 */
function loaderOf(file, group, needs) {
  return [
    ...needs.map((_, i) => `import n${i} from 'lazy-need:${group}:${i}';`),
    'let modules;',
    'let needs;',
    // HtmlService is the Apps Script global: these modules exist only in the Apps Script bundle.
    'export function load() {',
    `  return modules || (modules = new Function('require', HtmlService.createHtmlOutputFromFile(${JSON.stringify(file)}).getContent())((id) => (needs || (needs = [${needs.map((_, i) => `n${i}()`).join(', ')}]))[id]));`,
    '}',
  ].join('\n');
}

/**
 * What a group's file requires of one module: a function that returns all of it, or an object of
 * getters for those names (read when used, so a binding that changes is read as it is then). Not a
 * namespace: esbuild builds every namespace at the load of Code.js, which every execution pays for.
 */
function needOf({ from, names }) {
  const spec = JSON.stringify(from);
  if (names.includes('*')) return `import * as all from ${spec};\nexport default () => all;`;
  const getters = names.map((name, i) => `get ${JSON.stringify(name)}() { return v${i}; }`);
  return [
    `import { ${names.map((name, i) => `${name} as v${i}`).join(', ')} } from ${spec};`,
    `export default () => ({ ${getters.join(', ')} });`,
  ].join('\n');
}
