// Builds everything the project ships:
//   dist/   what clasp pushes: Code.js (the Apps Script bundle), one inlined HTML file per sidebar or
//           dialog, the scripts Code.js reads when first used (Messages-<language>.html,
//           Library-<name>.html, Module-<name>.html), appsscript.json;
//   build/  the Node programs: the `unmn` CLI, the worker that reads sheets beside it, and the local playground.
import { build, transform } from 'esbuild';
import { shippedBundle } from './esbuild-node.mjs';
import { lazyLibraryPlugin, lazyLibraryScript } from './lazy-library.mjs';
import { lazyModules } from './lazy-modules.mjs';
import { lazyPackagePlugin } from './lazy-package.mjs';
import { withPooledStrings } from './pool-strings.mjs';
import {
  catalogueOf,
  keyPlaces,
  keysNamedIn,
  LANGUAGES,
  lazyCatalogueScript,
  messagesPlugin,
  shortKeyNames,
  shortKeysPlugin,
  withShortKeys,
} from './i18n-plugin.mjs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const out = path.join(root, 'build');
const GLOBAL = '__unmn';

/**
 * Apps Script calls menu items, triggers and google.script.run targets by top-level function name:
 * one stub per public export (names ending in "_" are private), per command and per RPC target.
 */
function stubs({ exported, commands, rpc }) {
  const stub = (name, body) => `function ${name}() {\n  ${body}\n}`;
  return [
    ...exported
      .filter((name) => !name.endsWith('_'))
      .map((name) => stub(name, `return ${GLOBAL}.${name}.apply(this, arguments);`)),
    ...commands.map((id) => stub(id, `return ${GLOBAL}.runCommand_(${JSON.stringify(id)});`)),
    ...rpc.map((name) =>
      stub(name, `return ${GLOBAL}.callRpc_(${JSON.stringify(name)}, Array.prototype.slice.call(arguments));`),
    ),
  ].join('\n');
}

/** The bundle's exported functions and its manifest: loading it defines them and must touch nothing else. */
function surface(code, catalogues) {
  // The macros' labels are messages: the catalogues are read as Apps Script would read them. Any
  // other file is a lazy module or library read at load, where onOpen may read none.
  const HtmlService = {
    createHtmlOutputFromFile: (name) => {
      if (!(name in catalogues)) throw new Error(`Loading Code.js reads ${name}.html: a lazy module is used at load.`);
      return { getContent: () => catalogues[name] };
    },
  };
  const context = vm.createContext({ HtmlService });
  vm.runInContext(
    `${code}\n;globalThis.__names = Object.keys(${GLOBAL}).filter((k) => typeof ${GLOBAL}[k] === 'function'); globalThis.__manifest = JSON.stringify(${GLOBAL}.manifest_());`,
    context,
  );
  const manifest = JSON.parse(context.__manifest);
  const exported = [...context.__names].sort();
  const clash = [...manifest.commands, ...manifest.rpc].find((name) => exported.includes(name));
  if (clash)
    throw new Error(`${clash} is both an export of src/gas/main.ts and a command or RPC target: one global per name.`);
  return { exported, ...manifest };
}

/** The libraries Code.js reads from a project file of their own when first used (lazy-library.mjs). */
const LAZY_LIBRARIES = [{ specifier: 'ical-generator', file: 'Library-ical' }];

/**
 * Our own modules that Code.js reads from a project file of their own when first used
 * (lazy-modules.mjs), each group read only by the executions named: a folder's modules but those it
 * keeps, and the modules named. Code.js keeps what the rest of it needs as more than functions
 * (constants, classes, schemas), what it calls at load (report-command's factory) and what frequent
 * executions run (the decision sidebar, the consultations), which would otherwise read a file each time.
 */
const LAZY_MODULES = [
  // The compliance check, the guidance on an adopted decision, the annual review.
  { file: 'Module-rules', folder: 'src/domain/rules', keep: ['edition.ts', 'finding.ts'] },
  // An execution that composes a message: a tick or an edit with something due, the circulations and
  // their preview, a consultation's mail. What is due (due.ts) stays, as the decision sidebar, the
  // automation status and every idle hourly tick ask it.
  {
    file: 'Module-email',
    folder: 'src/domain/email',
    keep: ['due.ts', 'ledger.ts', 'preview.ts', 'reminders.ts', 'render.ts'],
  },
  // The report commands and their emails.
  { file: 'Module-reports', folder: 'src/domain/reports', keep: ['report.ts'], modules: ['src/app/reports.ts'] },
  // Setting up or repairing the workbook.
  { file: 'Module-setup', modules: ['src/app/setup.ts', 'src/app/layout.ts', 'src/app/setup-command.ts'] },
];

/** The Apps Script bundle's options, carrying those messages of the catalogue (all when not given). */
function appsScriptOptions(keys, names = new Map(), lazy = []) {
  return {
    entryPoints: [path.join(root, 'src/gas/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'neutral',
    target: 'es2020',
    mainFields: ['module', 'main'],
    // Each language in a project file of its own (writeLazyCatalogues), read by the first message an
    // execution writes, and only in its network's language: the catalogues would otherwise be a
    // quarter of the bundle that every execution parses. The English menu stays inline, because an
    // add-on's onOpen runs in AuthMode.NONE until it is used in the document, and may read no file.
    // The iCalendar library likewise (36 KB), read only by an execution that writes an invitation,
    // and our own modules that only some executions run (LAZY_MODULES).
    plugins: [
      // First: the stubs of the lazy modules stand in for them before any other plugin loads them.
      ...lazy,
      messagesPlugin({ inline: ['en'], lazy: LANGUAGES, areas: ['menu'], keys, names }),
      // Each key a name of a letter or two: the keys were a tenth of the bundle.
      shortKeysPlugin(names),
      ...LAZY_LIBRARIES.map(({ specifier, file }) => lazyLibraryPlugin(specifier, file)),
    ],
    // Every execution parses the whole file, so it is minified to stay inside the 250 KB budget (the
    // second edition's rules and tables took names-kept code past it). The globals Apps Script calls
    // are the stubs appended below, outside the minified code, so the editor's function list and the
    // trigger and menu names are unchanged; build/Code.js.map turns a minified stack trace back into
    // source lines.
    minify: true,
    outfile: path.join(root, 'build/Code.js'),
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  };
}

async function bareCode(options) {
  const bare = await build({ ...options, plugins: [messagesPlugin({ inline: ['en'], keys: [] })], sourcemap: false });
  return bare.outputFiles.map((f) => f.text).join('\n');
}

async function buildAppsScript() {
  // The messages Code.js's catalogues carry: the areas its code names (keysNamedIn), read in the bundle
  // built once with no catalogue, so the command-line, playground and page messages stay out. Whole
  // areas: a key put together in a way keysNamedIn misses would fail a command in production.
  const bare = await bareCode(appsScriptOptions());
  const keys = keysNamedIn(bare, { wholeAreas: true });
  const names = shortKeyNames(bare, keys);
  const lazy = await lazyModules(root, LAZY_MODULES, {
    plugins: [shortKeysPlugin(names)],
    evalPlugins: [messagesPlugin({ inline: ['en'], keys: [] })],
  });
  // zod's own modules run when the first schema is built, not at every load (lazy-package.mjs).
  const zod = await lazyPackagePlugin('zod/mini', path.join(root, 'src'));
  const result = await build({ ...appsScriptOptions(keys, names, [lazy.plugin, zod]), sourcemap: 'external' });
  const output = (suffix) => result.outputFiles.find((f) => f.path.endsWith(suffix)).text;
  // The map stays in build/: clasp pushes dist/, and Apps Script has no use for it.
  await mkdir(path.join(root, 'build'), { recursive: true });
  await writeFile(path.join(root, 'build/Code.js.map'), output('.js.map'));
  const code = output('.js').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '');
  const catalogues = await writeLazyCatalogues(keys, names);
  await writeFile(
    path.join(root, 'build/message-names.json'),
    `${JSON.stringify(Object.fromEntries(names), null, 1)}\n`,
  );
  for (const { specifier, file } of LAZY_LIBRARIES)
    await writeFile(path.join(dist, `${file}.html`), await lazyLibraryScript(specifier));
  for (const { file, script } of lazy.files) await writeFile(path.join(dist, `${file}.html`), script);
  const globals = surface(code, catalogues);
  // After the code, so that the map's line numbers are the file's own.
  const note =
    '// unmn-secretariat: built by scripts/build.mjs from src/gas/main.ts (map: build/Code.js.map). Do not edit.';
  await writeFile(path.join(dist, 'Code.js'), `${code}\n${note}\n${stubs(globals)}\n`);
  // The project files Code.js reads when first used, besides the pages.
  const files = [
    ...Object.keys(catalogues),
    ...LAZY_LIBRARIES.map(({ file }) => file),
    ...lazy.files.map(({ file }) => file),
  ];
  return { ...globals, files, bytes: Buffer.byteLength(code) };
}

/**
 * dist/Messages-<language>.html: each catalogue, compiled, as the body of a function that returns it.
 * Apps Script reads a project's HTML files only when asked, so a network working in English never
 * loads the Russian one.
 */
async function writeLazyCatalogues(keys, names) {
  const written = {};
  for (const language of LANGUAGES) {
    const script = await lazyCatalogueScript(language, undefined, keys, names);
    await writeFile(path.join(dist, `Messages-${language}.html`), script);
    written[`Messages-${language}`] = script;
  }
  return written;
}

/** appsscript.json with the macros of the command table: the bound deployment's Macros menu. */
async function writeManifest(macros) {
  const manifest = JSON.parse(await readFile(path.join(root, 'appsscript.json'), 'utf8'));
  manifest.sheets = { ...manifest.sheets, macros };
  await writeFile(path.join(dist, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Each page of sidebar/pages.json (its name and its title's message) in each language: the one shell lib/page.html
 * with its title and language, <name>.tsx (Preact components, JSX compiled by esbuild) with that
 * language's messages that it names compiled in, lib/addon.css and <name>.css inlined, written as one
 * self-contained file: dist/<name>.html in English, dist/<name>-<language>.html in the others.
 */
async function buildPages() {
  const dir = path.join(root, 'sidebar');
  if (!existsSync(dir)) return [];
  const shared = path.join(dir, 'lib', 'addon.css');
  const look = existsSync(shared) ? await readFile(shared, 'utf8') : '';
  const shell = await readFile(path.join(dir, 'lib', 'page.html'), 'utf8');
  const titles = JSON.parse(await readFile(path.join(dir, 'pages.json'), 'utf8'));
  const built = [];
  for (const [name, title] of Object.entries(titles)) {
    const entry = path.join(dir, `${name}.tsx`);
    const css = path.join(dir, `${name}.css`);
    const style = existsSync(css)
      ? (await transform(`${look}${await readFile(css, 'utf8')}`, { loader: 'css', minify: true })).code
      : null;
    const options = {
      entryPoints: [entry],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      minify: true,
      jsx: 'automatic',
      jsxImportSource: 'preact',
      // Each language's own letters rather than \u escapes three times their size: the page is UTF-8.
      charset: 'utf8',
      write: false,
      logLevel: 'warning',
    };
    const bare = existsSync(entry) ? await bareCode(options) : '';
    const keys = keysNamedIn(bare);
    const names = keyPlaces(bare, keys) ?? shortKeyNames(bare, keys);
    for (const language of LANGUAGES) {
      const page = language === 'en' ? `${name}.html` : `${name}-${language}.html`;
      const words = catalogueOf(language)[title] ?? title;
      let html = shell.replace('<!-- inline:title -->', () => words).replace('<!-- inline:lang -->', language);
      if (existsSync(entry)) {
        const js = await build({ ...options, plugins: [messagesPlugin({ inline: [language], keys, names })] });
        const script = (await withPooledStrings(withShortKeys(js.outputFiles[0].text, names))).replace(
          /<\/script/gi,
          '<\\/script',
        );
        html = html.replace('<!-- inline:script -->', () => `<script>${script}</script>`);
      }
      if (style !== null)
        html = html.replace(
          '<!-- inline:style -->',
          () => `<style>${style.replace(/<\/style/gi, '<\\/style')}</style>`,
        );
      await writeFile(path.join(dist, page), html);
      built.push({ page, bytes: Buffer.byteLength(html) });
    }
  }
  return built;
}

/** The playground's own browser scripts: the page's and the google.script.run shim, each one IIFE. */
async function buildBrowserScripts() {
  const dir = path.join(root, 'src/node/playground/browser');
  const entries = (await readdir(dir)).filter((f) => f.endsWith('.ts'));
  await build({
    entryPoints: entries.map((f) => path.join(dir, f)),
    outdir: path.join(out, 'browser'),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    logLevel: 'warning',
  });
  return entries.map((f) => `build/browser/${f.replace(/\.ts$/, '.js')}`);
}

async function buildNode() {
  const entries = ['cli', 'playground', 'sheet-worker'].filter((n) => existsSync(path.join(root, `src/node/${n}.ts`)));
  if (entries.length === 0) return [];
  // Chunk names carry a hash of their content: the chunks of an earlier build would pile up.
  await rm(path.join(out, 'chunks'), { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(entries.map((n) => [n, path.join(root, `src/node/${n}.ts`)])),
    outdir: out,
    outExtension: { '.js': '.mjs' },
    ...shippedBundle,
    // Beside the bundle, not inside it: Node would read an inline map of every package at each start.
    sourcemap: 'linked',
  });
  return entries;
}

async function main() {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await mkdir(out, { recursive: true });
  const [gas, pages, node, browser] = await Promise.all([
    buildAppsScript(),
    buildPages(),
    buildNode(),
    buildBrowserScripts(),
  ]);
  await writeManifest(gas.macros);
  const size = (await stat(path.join(dist, 'Code.js'))).size;
  if (!process.argv.includes('--quiet')) {
    console.log(
      `dist/Code.js ${(size / 1024).toFixed(1)} KB, ${gas.commands.length} commands, ${gas.rpc.length} RPC targets`,
    );
    for (const p of pages) console.log(`dist/${p.page} ${(p.bytes / 1024).toFixed(1)} KB`);
    for (const f of gas.files) console.log(`dist/${f}.html`);
    for (const n of node) console.log(`build/${n}.mjs`);
    for (const b of browser) console.log(b);
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
