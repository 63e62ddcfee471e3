/** A small project's main.ts bundled as scripts/build.mjs bundles Code.js, with the plugins a test gives. */
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';

export async function bundleAsCodeJs(dir: string, plugins: Plugin[]): Promise<string> {
  const result = await build({
    entryPoints: [join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'app',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    plugins,
  });
  return result.outputFiles[0]!.text;
}
