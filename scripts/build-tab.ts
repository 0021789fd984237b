import { build } from 'esbuild';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { danishLexiconFile } from '../src/store/danish-lexicon.js';

/**
 * Bundles the Teams tab (React + Fluent UI + teams-js) into dist/tab: a
 * minified ES module, tree-shaken, and chunks loaded on demand. Run by `npm start` and before the tests.
 */
const outdir = 'dist/tab';
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await build({
  entryPoints: { app: 'src/tab/main.tsx' },
  outdir,
  bundle: true,
  format: 'esm',
  // MSAL (Microsoft 365 mode's sign-in) is imported on demand, as its own chunk: local mode never downloads it.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  jsx: 'automatic',
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  logLevel: 'warning',
});
await copyFile('src/tab/index.html', `${outdir}/index.html`);
// The publication guard's Danish dictionary, fetched by the minutes page (not part of the JavaScript).
await writeFile(`${outdir}/lexicon-da.txt`, danishLexiconFile());
// The sandbox's chat pane (the official adaptivecards renderer) and its office.js stand-in, bundled on their own (not part of the tab).
await build({
  entryPoints: { 'chat-client': 'src/sandbox/chat-client/chat-client.ts', 'office-stand-in': 'src/sandbox/office/office-stand-in.ts',
    'addin-compose-page': 'src/sandbox/office/addin-compose-page.ts',
    'teams-host': 'src/sandbox/teams/teams-host-stand-in.ts',
  },
  outdir: 'dist/sandbox',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .reduce((sum, [, o]) => sum + o.bytes, 0);
console.log(`tab built: ${outdir} ${(bytes / 1024).toFixed(0)} KB of JavaScript (minified, all chunks)`);
