import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The house style's import rule, checked on the real tree: imports point
 * inward. Entry points (HTTP routes, the bot, the workers, the tab, the
 * sandbox, the composition root) may use the application layer; the
 * application layer, its adapters and the domain never reach back out.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every import of a file: relative ones resolved to repository paths, packages by name. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
  return {
    local: specs.filter((s) => s.startsWith('.')).map((s) => normalize(relative(root, join(root, dirname(file), s)))),
    packages: specs.filter((s) => !s.startsWith('.')),
  };
}

const entryPoints = ['src/server/', 'bot/', 'src/workers/', 'src/tab/', 'src/sandbox/', 'addin/', 'src/compose.ts', 'src/main.ts'];
const isEntryPoint = (path: string) => entryPoints.some((e) => path.startsWith(e));
const inner = ['src/domain', 'src/app', 'src/store', 'src/m365', 'src/jobs', 'src/documents', 'src/policies', 'src/i18n'];

describe('imports point inward', () => {
  it('the domain imports only the domain and zod', () => {
    const outward = sourceFiles('src/domain').flatMap((file) => {
      const { local, packages } = importsOf(file);
      return [...local.filter((p) => !p.startsWith('src/domain/')), ...packages.filter((p) => p !== 'zod')].map((p) => `${file} → ${p}`);
    });
    expect(outward).toEqual([]);
  });

  it('the application layer, the store, the adapters and the jobs infrastructure import no entry point', () => {
    const outward = inner.flatMap((dir) =>
      sourceFiles(dir).flatMap((file) =>
        importsOf(file)
          .local.filter(isEntryPoint)
          .map((p) => `${file} → ${p}`),
      ),
    );
    expect(outward).toEqual([]);
  });

  it('the store and the jobs infrastructure import no use case', () => {
    const outward = ['src/store', 'src/jobs'].flatMap((dir) =>
      sourceFiles(dir).flatMap((file) =>
        importsOf(file)
          .local.filter((p) => p.startsWith('src/app/') && !p.startsWith('src/app/ports/'))
          .map((p) => `${file} → ${p}`),
      ),
    );
    expect(outward).toEqual([]);
  });

  it('the bot, the routes and the workers reach the data and Graph only through the application layer', () => {
    // The bot may use Teams' published rate limits and their send-slot timeline (src/m365/teams-rate-limits.ts,
    // teams-send-slots.ts, both pure): it is the Teams side's own adapter.
    const direct = ['bot', 'src/server', 'src/workers'].flatMap((dir) =>
      sourceFiles(dir).flatMap((file) =>
        importsOf(file)
          .local.filter((p) => p.startsWith('src/store/') || (p.startsWith('src/m365/') && !/teams-(rate-limits|send-slots)\.js$/.test(p)))
          .map((p) => `${file} → ${p}`),
      ),
    );
    expect(direct).toEqual([]);
  });

  it('the use cases know the ports, not the Graph adapter', () => {
    const direct = sourceFiles('src/app').flatMap((file) =>
      importsOf(file)
        .local.filter((p) => p.startsWith('src/m365/'))
        .map((p) => `${file} → ${p}`),
    );
    expect(direct).toEqual([]);
  });

  it('runs no raw SQL outside the store and the jobs infrastructure', () => {
    const sql = ['src/app', 'src/server', 'bot', 'src/workers'].flatMap((dir) =>
      sourceFiles(dir).filter((file) =>
        /\.query(<[^>]*>)?\(\s*[`'"]\s*(select|insert|update|delete)\b/i.test(readFileSync(join(root, file), 'utf8')),
      ),
    );
    expect(sql).toEqual([]);
  });

  it('keeps classic zod out of the tab (its bundle uses zod/mini for the API contract)', () => {
    // Type-only imports vanish from the bundle; only imports that bring code count.
    const codeImports = (file: string) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/(?:^|\n)\s*import\s+(?!type\s)[^'"]*?from\s*['"]([^'"]+)['"]/g)].map(
        (m) => m[1]!,
      );
    const resolve = (from: string, spec: string) => {
      const base = normalize(relative(root, join(root, dirname(from), spec)));
      return [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx')].find((c) => {
        try {
          return statSync(join(root, c)).isFile();
        } catch {
          return false;
        }
      });
    };
    const seen = new Set<string>();
    const reachesZod: string[] = [];
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of codeImports(file)) {
        if (spec === 'zod') reachesZod.push(file);
        const next = spec.startsWith('.') ? resolve(file, spec) : undefined;
        if (next) walk(next);
      }
    };
    walk('src/tab/main.tsx');
    expect(seen.size).toBeGreaterThan(20);
    expect(reachesZod).toEqual([]);
  });
});
