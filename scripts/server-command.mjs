/**
 * How `npm start` runs the local server, in one place (the launcher and the
 * memory bench both read it). The local server holds an embedded PostgreSQL
 * (PGlite) in WebAssembly, so it is tuned to stay small on a developer's
 * machine: one glibc malloc arena that gives memory back, V8 without its background threads
 * (`--single-threaded`), a small young generation, and V8's size-over-speed
 * heuristics. A server in Azure (PostgreSQL, no PGlite) is started plainly.
 */
export const serverArgs = [
  '--max-semi-space-size=1',
  '--single-threaded',
  '--optimize-for-size',
  '--max-old-space-size=128',
  '--enable-source-maps',
  'dist/server/main.js',
];
// One malloc arena; blocks of 128 KB and more straight from the system and given back when freed (a fixed
// threshold also stops glibc from raising it as the process runs, which keeps freed memory resident).
export const serverEnv = { MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' };
