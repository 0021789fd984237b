/**
 * Assembles .deploy/ for `atk deploy` (azureAppService/zipDeploy): the build
 * made once by `npm run build` (server bundle, tab, add-in), the templates and
 * organisation files read at run time, and production packages only. App
 * Service then runs `node dist/server/main.js`; nothing is compiled there.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';

const out = '.deploy';
if (!existsSync('dist/server/main.js') || !existsSync('dist/tab/index.html')) {
  console.error('Run `npm run build` first: .deploy ships the build, it does not make one.');
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
for (const path of ['dist', 'templates', 'config', 'package.json', 'package-lock.json'])
  cpSync(path, `${out}/${path}`, { recursive: true });
// The dictionary the publication guard reads, and every other runtime package, from the lock file; no dev tools, no scripts.
execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: out, stdio: 'inherit' });
console.log(`${out}/ is ready for zip deploy`);
