import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

/**
 * Bundles the server (HTTP API, bot, workers, sandbox) into one ES module,
 * dist/server/main.js, run by plain Node: no TypeScript compiler at run time,
 * which keeps a start fast and the process small. Packages stay in
 * node_modules (they are not bundled); files read at run time are found from
 * the app's root (src/app-root.ts).
 */
const outdir = 'dist/server';
const { dependencies } = JSON.parse(await readFile('package.json', 'utf8')) as { dependencies: Record<string, string> };
// adaptivecards ships extension-less ES imports that Node's loader refuses; it is bundled, everything else is not.
const bundled = new Set(['adaptivecards']);
const external = Object.keys(dependencies)
  .filter((name) => !bundled.has(name))
  .flatMap((name) => [name, `${name}/*`]);
await rm(outdir, { recursive: true, force: true });
await build({
  // The agenda's worker thread is its own entry: it is started by file name (src/documents/agenda-renderer.ts).
  entryPoints: { main: 'src/main.ts', 'agenda-docx-worker': 'src/documents/agenda-docx-worker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20', // the oldest Node the app still starts on (this machine kind ships 20; Azure runs 24)
  external,
  // Split at dynamic imports, so what only Microsoft 365 mode needs (node-postgres, MSAL) is not loaded locally.
  splitting: true,
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`server built: ${outdir}/main.js`);
