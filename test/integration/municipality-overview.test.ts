import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, lead, leader, planBody, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: () => new Date('2026-11-22T10:00:00Z'), startJobs: false });
});
afterAll(() => app.stop());

describe(`the municipality's overview (${databaseKind()})`, () => {
  it('lists the schools with no conversation in the current school year, ignoring cancelled ones and other years', async () => {
    const asLead = await app.as(lead);
    await asLead('POST', '/conversations', planBody({ schoolId: 'bakkeskolen' }));
    const cancelled = (
      await asLead(
        'POST',
        '/conversations',
        planBody({ schoolId: 'fjordskolen', startsAt: '2027-02-01T08:00:00Z', endsAt: '2027-02-01T10:00:00Z' }),
      )
    ).body;
    await asLead('POST', `/conversations/${cancelled.id}/cancel`, { version: cancelled.version });
    await asLead(
      'POST',
      '/conversations',
      planBody({ schoolId: 'skovbrynet', startsAt: '2027-09-01T07:00:00Z', endsAt: '2027-09-01T09:00:00Z' }),
    );
    const overview = (await asLead('GET', '/overview')).body;
    expect(overview.schoolYear).toBe('2026/27');
    expect(overview.schoolsWithout.map((s: any) => s.name)).toEqual(['Fjordskolen', 'Skovbrynets Skole']);
  });

  it('is for the municipality only', async () => {
    expect((await (await app.as(leader))('GET', '/overview')).status).toBe(403);
  });
});
