import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, lead, leader, planBody, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

let app: TestApp;
let asLead: ApiCaller;

beforeAll(async () => {
  app = await startTestApp();
  asLead = await app.as(lead);
  // Who the token names comes from the directory once (then cached): not part of what is counted below.
  await asLead('GET', '/me');
});
afterAll(() => app.stop());

const counts = async () => {
  const [row] = await app.db.query<{ c: number; j: number }>(
    `select (select count(*)::int from conversations) as c, (select count(*)::int from jobs) as j`,
  );
  return { conversations: row!.c, jobs: row!.j, graphRequests: app.sandbox!.stats.httpRequests };
};

const cases: [string, Record<string, unknown>, number, string, RegExp][] = [
  ['a meeting in the past', { startsAt: '2020-03-10T08:00:00Z', endsAt: '2020-03-10T10:00:00Z' }, 422, 'MEETING_IN_PAST', /fremtiden/],
  ['an end before the start', { endsAt: '2027-03-10T07:00:00Z' }, 422, 'MEETING_END_BEFORE_START', /slutte efter/],
  ['an unknown school', { schoolId: 'hogwarts' }, 422, 'SCHOOL_NOT_FOUND', /findes ikke i kommunen/],
  ['an unknown template', { templateId: 'nope' }, 422, 'TEMPLATE_NOT_FOUND', /Skabelonen findes ikke/],
  ['an oversize theme', { theme: 'x'.repeat(201) }, 400, 'VALIDATION_FAILED', /Ret de markerede felter/],
  ['a script tag in the theme', { theme: '<script>alert(1)</script>' }, 400, 'UNSAFE_CONTENT', /Årets tema.*kode/],
  [
    'a script tag in a municipality topic',
    { extraTopics: ['ok', '<img src=x onerror=alert(1)>'] },
    400,
    'UNSAFE_CONTENT',
    /Kommunens emner/,
  ],
  ['a date that is not a date', { startsAt: 'i morgen' }, 400, 'VALIDATION_FAILED', /Ret de markerede felter/],
  ['an agenda that does not fill the meeting', { endsAt: '2027-03-10T10:30:00Z' }, 422, 'AGENDA_TIME_MISMATCH', /^Der mangler 30 min\./],
  [
    'an agenda longer than the meeting',
    { endsAt: '2027-03-10T09:30:00Z' },
    422,
    'AGENDA_TIME_MISMATCH',
    /^Dagsordenens punkter er 30 min\. for lange/,
  ],
  [
    'an item of 10,000 minutes',
    { endsAt: '2027-03-10T10:00:00Z', itemMinutes: { welcome: 10_000 } },
    400,
    'VALIDATION_FAILED',
    /Ret de markerede/,
  ],
  ['minutes for an item the template lacks', { itemMinutes: { nope: 5 } }, 400, 'VALIDATION_FAILED', /Ret de markerede/],
];

describe(`bad input to "Plan samtale" (${databaseKind()})`, () => {
  for (const [name, change, status, code, message] of cases) {
    it(`refuses ${name} with ${status} and a Danish message, storing nothing and calling no Graph`, async () => {
      const before = await counts();
      const response = await asLead('POST', '/conversations', planBody(change));
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
      expect(response.body.message).toMatch(message);
      expect(await counts()).toEqual(before);
    });
  }

  it('names the field and the limit for oversize text', async () => {
    const response = await asLead('POST', '/conversations', planBody({ theme: 'x'.repeat(201) }));
    expect(response.body.fields).toEqual([{ field: 'theme', message: 'Årets tema: må højst være 200 tegn' }]);
  });

  it('says a minutes limit in minutes, not characters', async () => {
    const response = await asLead('POST', '/conversations', planBody({ itemMinutes: { welcome: 10_000 } }));
    expect(response.body.fields[0].message).toMatch(/må højst være 240$/);
    expect(response.body.fields[0].message).not.toContain('tegn');
  });

  it('answers in English when the tab asks for English', async () => {
    const response = await asLead('POST', '/conversations', planBody({ schoolId: 'hogwarts' }), { 'Accept-Language': 'en-GB' });
    expect(response.body.message).toBe('The school does not exist in the municipality.');
  });

  it('refuses a school leader planning (only the municipality invites)', async () => {
    const asLeader = await app.as(leader);
    await asLeader('GET', '/me');
    const before = await counts();
    const response = await asLeader('POST', '/conversations', planBody());
    expect(response.status).toBe(403);
    expect(response.body.message).toBe('Du har ikke adgang til at gøre dette.');
    expect(await counts()).toEqual(before);
  });

  it('refuses requests without a valid token', async () => {
    const response = await fetch(`${app.url}/api/conversations`, { headers: { Authorization: 'Bearer forged.token.value' } });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('UNAUTHENTICATED');
  });
});
