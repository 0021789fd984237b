import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Microsoft's Agents Toolkit CLI, installed once into .cache/ (not a project
 * dependency: it is 450 MB, and its keytar build needs a network the build
 * machines lack, so --ignore-scripts). Pinned, so the checks are repeatable.
 */
export const atkVersion = '1.1.17';
const root = fileURLToPath(new URL('../../', import.meta.url));
const prefix = join(root, '.cache', `atk-${atkVersion}`);
const cli = join(prefix, 'node_modules', '@microsoft', 'm365agentstoolkit-cli');

export function ensureAgentsToolkit(): { bin: string; require: NodeJS.Require } {
  if (!existsSync(join(cli, 'package.json'))) {
    mkdirSync(prefix, { recursive: true });
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--no-save',
        `@microsoft/m365agentstoolkit-cli@${atkVersion}`,
      ],
      { stdio: 'ignore', timeout: 600_000 },
    );
  }
  return { bin: join(prefix, 'node_modules', '.bin', 'atk'), require: createRequire(join(cli, 'package.json')) };
}
