// `npm run clasp:project -- SCRIPT_ID [--prod]`: writes the clasp project file that `npm run push`
// (.clasp.json, a test spreadsheet's script) or `npm run push:prod` (.clasp.prod.json, the network's)
// pushes dist/ to. Git ignores both: a script ID belongs to one deployment, not to the repository.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const prod = args.includes('--prod');
const [scriptId] = args.filter((a) => a !== '--prod');
// The ID in the script editor's Project Settings, or in its address after /projects/.
if (scriptId === undefined || !/^[A-Za-z0-9_-]{20,}$/.test(scriptId) || args.length > (prod ? 2 : 1)) {
  console.error(
    'usage: npm run clasp:project -- SCRIPT_ID [--prod]   (the script ID from Extensions → Apps Script → Project Settings)',
  );
  process.exit(2);
}
const file = prod ? '.clasp.prod.json' : '.clasp.json';
await writeFile(path.join(root, file), `${JSON.stringify({ scriptId, rootDir: 'dist' }, null, 2)}\n`);
console.log(`${file}: pushes dist/ to the script ${scriptId}; run npm run ${prod ? 'push:prod' : 'push'}.`);
