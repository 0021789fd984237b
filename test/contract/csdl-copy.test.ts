import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

const vendored = new URL('../../contracts/graph-v1.0.csdl', import.meta.url);
const shared = new URL('../../../shared/contracts/graph-v1.0.csdl', import.meta.url);
const sha = (url: URL) => createHash('sha256').update(readFileSync(url)).digest('hex');

describe('the vendored Graph metadata', () => {
  // Runs where the team's shared folder sits beside the clone (CI, developers); a user's clone has only the vendored copy.
  it.runIf(existsSync(shared))('is byte-identical to the team’s shared copy of Microsoft’s file', () => {
    expect(sha(vendored)).toBe(sha(shared));
  });
  it('is Microsoft Graph v1.0 metadata', () => {
    expect(readFileSync(vendored, 'utf8').slice(0, 400)).toContain('Namespace="microsoft.graph"');
  });
});
