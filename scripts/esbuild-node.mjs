// The esbuild options of every Node program the project bundles (CLI, playground, benches, the
// example writer, the docs generator): ESM for Node 22. The scripts run inside the project and leave
// node_modules to Node to resolve; the shipped programs carry their packages (see shippedBundle).
import { build } from 'esbuild';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const node22 = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  logLevel: 'warning',
};

export const nodeBundle = { ...node22, packages: 'external' };

/**
 * The CLI and the playground: their packages bundled in, because Node resolving and loading the
 * hundreds of files of node_modules took most of the CLI's start (exceljs alone a third of a second);
 * split into chunks, so that a command loads only the packages it imports (vega for reports,
 * nodemailer for the tick, exceljs for a save that needs it). The CommonJS packages call require(),
 * which an ES module has only when given one.
 */
export const shippedBundle = {
  ...node22,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    js: "import { createRequire as __unmnRequire } from 'node:module';\nconst require = __unmnRequire(import.meta.url);",
  },
};

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles one TypeScript module of the project (the project runs no TypeScript loader), imports it
 * and hands its exports to `use`; the bundle is removed afterwards.
 */
export async function withBundled(entry, use) {
  // Inside the project, so that the bundle's external packages resolve from node_modules.
  const outfile = path.join(root, 'build', `${path.basename(entry, '.ts')}.${process.pid}.mjs`);
  await mkdir(path.dirname(outfile), { recursive: true });
  try {
    await build({ entryPoints: [path.join(root, entry)], outfile, ...nodeBundle });
    return await use(await import(pathToFileURL(outfile).href));
  } finally {
    await rm(outfile, { force: true });
  }
}
