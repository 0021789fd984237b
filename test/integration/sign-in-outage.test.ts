import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lead, startTestApp, type TestApp } from '../support/test-app.js';
import { resolvePerson } from '../../src/app/people/resolve-person.js';
import { RemoteError } from '../../src/app/ports/remote-error.js';
import { sandboxTenantId } from '../../src/sandbox/graph/teamwork-handlers.js';

/** People are named from the directory by oid; while Graph is down, someone seen before still gets in, and nobody gets a 500. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const graphDown = () => ({
  getUser: async () => {
    throw new RemoteError(503, 'ServiceUnavailable', 'down');
  },
  search: async () => [],
});

describe('signing in while Microsoft 365 is unreachable', () => {
  it('remembers a person once named, and recalls them while the directory does not answer', async () => {
    const mette = app.sandbox!.state.findUser(lead)!;
    expect(await resolvePerson(app.ctx, sandboxTenantId, mette.id)).toEqual({ upn: lead, displayName: 'Mette Lund' });
    expect(await resolvePerson({ ...app.ctx, directory: graphDown() }, sandboxTenantId, mette.id)).toEqual({
      upn: lead,
      displayName: 'Mette Lund',
    });
  });

  it('tells someone new to try again (503, Danish) instead of failing with 500', async () => {
    const asNew = await app.as('ida.mork@sohavn.example');
    app.sandbox!.faults.configure({ rate: 1, statuses: [503], retryAfterSeconds: 0 });
    try {
      const response = await asNew('GET', '/me');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        code: 'MICROSOFT_365_UNAVAILABLE',
        message: expect.stringContaining('Microsoft 365 svarer ikke'),
      });
    } finally {
      app.sandbox!.faults.configure({ rate: 0 });
    }
    expect((await asNew('GET', '/me')).status).toBe(200);
  });
});
