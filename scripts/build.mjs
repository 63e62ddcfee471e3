// Builds everything the project ships:
//   dist/   what clasp pushes: Code.js (the Apps Script bundle), one inlined HTML file per sidebar or
//           dialog, appsscript.json;
//   build/  the Node programs: the `unmn` CLI and the local playground.
import { build } from 'esbuild';
import { nodeBundle } from './esbuild-node.mjs';
import { copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const out = path.join(root, 'build');
const GLOBAL = '__unmn';

/** Apps Script calls menu items, triggers and google.script.run targets by top-level function name. */
function stubs(names) {
  return names
    .map((name) => `function ${name}() {\n  return ${GLOBAL}.${name}.apply(this, arguments);\n}`)
    .join('\n');
}

/** The exported function names of the bundle: loading it defines them and must touch nothing else. */
function exportedFunctions(code) {
  const context = vm.createContext({});
  vm.runInContext(`${code}\n;globalThis.__names = Object.keys(${GLOBAL}).filter((k) => typeof ${GLOBAL}[k] === 'function');`, context);
  return [...context.__names].sort();
}

async function buildAppsScript() {
  const result = await build({
    entryPoints: [path.join(root, 'src/gas/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'neutral',
    target: 'es2020',
    mainFields: ['module', 'main'],
    minify: false,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const names = exportedFunctions(code);
  const header = '// unmn-secretariat: built by scripts/build.mjs from src/gas/main.ts. Do not edit.\n';
  await writeFile(path.join(dist, 'Code.js'), `${header}${code}\n${stubs(names)}\n`);
  return { names, bytes: Buffer.byteLength(code) };
}

/** Each sidebar/<name>.html with its <name>.ts and <name>.css inlined: one self-contained file. */
async function buildPages() {
  const dir = path.join(root, 'sidebar');
  if (!existsSync(dir)) return [];
  const pages = (await readdir(dir)).filter((f) => f.endsWith('.html'));
  const built = [];
  for (const page of pages) {
    const name = page.slice(0, -'.html'.length);
    let html = await readFile(path.join(dir, page), 'utf8');
    const entry = path.join(dir, `${name}.ts`);
    if (existsSync(entry)) {
      const js = await build({
        entryPoints: [entry],
        bundle: true,
        format: 'iife',
        target: 'es2020',
        minify: true,
        write: false,
        logLevel: 'warning',
          });
      const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
      html = html.replace('<!-- inline:script -->', () => `<script>${script}</script>`);
    }
    const css = path.join(dir, `${name}.css`);
    if (existsSync(css)) {
      const style = await readFile(css, 'utf8');
      html = html.replace('<!-- inline:style -->', () => `<style>${style}</style>`);
    }
    await writeFile(path.join(dist, page), html);
    built.push({ page, bytes: Buffer.byteLength(html) });
  }
  return built;
}

async function buildNode() {
  const entries = ['cli', 'playground'].filter((n) => existsSync(path.join(root, `src/node/${n}.ts`)));
  if (entries.length === 0) return [];
  await build({
    entryPoints: Object.fromEntries(entries.map((n) => [n, path.join(root, `src/node/${n}.ts`)])),
    outdir: out,
    outExtension: { '.js': '.mjs' },
    ...nodeBundle,
    sourcemap: 'inline',
  });
  return entries;
}

async function main() {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await mkdir(out, { recursive: true });
  const [gas, pages, node] = await Promise.all([buildAppsScript(), buildPages(), buildNode()]);
  await copyFile(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  const size = (await stat(path.join(dist, 'Code.js'))).size;
  if (!process.argv.includes('--quiet')) {
    console.log(`dist/Code.js ${(size / 1024).toFixed(1)} KB, ${gas.names.length} global functions`);
    for (const p of pages) console.log(`dist/${p.page} ${(p.bytes / 1024).toFixed(1)} KB`);
    for (const n of node) console.log(`build/${n}.mjs`);
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
