// The esbuild options of every Node program the project bundles (CLI, playground, benches, the
// example writer, the docs generator): ESM for Node 20, with node_modules left to Node to resolve.
import { build } from 'esbuild';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
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
