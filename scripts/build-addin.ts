import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';

/**
 * Bundles the Outlook add-in's pane into dist/addin: a minified ES module
 * (MSAL for nested app authentication as an on-demand chunk), the page that
 * loads office.js from Microsoft's CDN, and the ribbon icons.
 */
const outdir = 'dist/addin';
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await build({
  entryPoints: { addin: 'addin/src/main.tsx' },
  outdir,
  bundle: true,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  jsx: 'automatic',
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Preact's React compatibility layer instead of react-dom: the same components, a pane a third the size.
  alias: {
    react: 'preact/compat',
    'react-dom': 'preact/compat',
    'react-dom/client': 'preact/compat/client',
    'react/jsx-runtime': 'preact/jsx-runtime',
    'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
  },
  metafile: true,
  logLevel: 'warning',
});
await copyFile('addin/index.html', `${outdir}/index.html`);
for (const icon of (await readdir('addin/public')).filter((f) => f.endsWith('.png')))
  await copyFile(`addin/public/${icon}`, `${outdir}/${icon}`);
const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .reduce((sum, [, o]) => sum + o.bytes, 0);
console.log(`add-in built: ${outdir} ${(bytes / 1024).toFixed(0)} KB of JavaScript (minified, all chunks)`);
