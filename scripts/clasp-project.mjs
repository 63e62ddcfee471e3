// `npm run clasp:project -- SCRIPT_ID [--prod]`: writes the script ID into the clasp project file that
// `npm run push` (.clasp.json, a test spreadsheet's script) or `npm run push:prod` (.clasp.prod.json,
// the network's) pushes dist/ to. Both files are in the repository with an empty ID, as the design
// lists them; `--check [--prod]` is what the push scripts run first, to stop with this usage rather
// than with clasp's own error when no ID has been written yet.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const prod = args.includes('--prod');
const check = args.includes('--check');
const file = prod ? '.clasp.prod.json' : '.clasp.json';
const usage =
  'usage: npm run clasp:project -- SCRIPT_ID [--prod]   (the script ID from Extensions → Apps Script → Project Settings)';
// The ID in the script editor's Project Settings, or in its address after /projects/.
const isScriptId = (id) => typeof id === 'string' && /^[A-Za-z0-9_-]{20,}$/.test(id);

if (check) {
  const { scriptId } = JSON.parse(await readFile(path.join(root, file), 'utf8'));
  if (!isScriptId(scriptId)) {
    console.error(`${file} names no script yet: write its ID first.\n${usage}`);
    process.exit(2);
  }
} else {
  const [scriptId] = args.filter((a) => a !== '--prod');
  if (!isScriptId(scriptId) || args.length > (prod ? 2 : 1)) {
    console.error(usage);
    process.exit(2);
  }
  await writeFile(path.join(root, file), `${JSON.stringify({ scriptId, rootDir: 'dist' }, null, 2)}\n`);
  console.log(`${file}: pushes dist/ to the script ${scriptId}; run npm run ${prod ? 'push:prod' : 'push'}.`);
}
