import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, lead, planBody, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

let app: TestApp;
let asLead: ApiCaller;

beforeAll(async () => {
  app = await startTestApp();
  asLead = await app.as(lead);
});
afterAll(() => app.stop());

const organizerEvents = () => app.sandbox!.state.events.filter((e) => e.mailbox === lead);
const conversationFolders = () =>
  app.sandbox!.state.driveItems.filter((i) => i.isFolder && /^\d{4}-\d{2}-\d{2} kl\. \d{2}\.\d{2}$/.test(i.name));
const sideEffectsDone = async () => {
  const [row] = await app.db.query<{ open: number }>(`select count(*)::int as open from side_effects where status <> 'done'`);
  return row!.open === 0;
};

describe(`idempotent planning and resilience to Graph faults (${databaseKind()})`, () => {
  it('turns the same plan posted twice (double click, retried request) into one event and one folder', async () => {
    const body = planBody({ startsAt: '2027-04-01T07:00:00Z', endsAt: '2027-04-01T09:00:00Z' });
    const key = { 'Idempotency-Key': 'dialog-7f3a' };
    const [first, second] = await Promise.all([asLead('POST', '/conversations', body, key), asLead('POST', '/conversations', body, key)]);
    const third = await asLead('POST', '/conversations', body); // no key: same organiser, school and time
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(new Set([first.body.id, second.body.id, third.body.id]).size).toBe(1);
    await app.runner.drain();
    expect(organizerEvents()).toHaveLength(1);
    expect(conversationFolders()).toHaveLength(1);
  });

  it('runs a retried sync without creating a second event (transactionId) or a second agenda', async () => {
    const [job] = await app.db.query<{ key: string }>(`select key from jobs limit 1`);
    await app.db.query(`update jobs set status = 'queued', run_after = now() where key = $1`, [job!.key]);
    await app.db.query(`update m365_links set event_id = null`); // as if the first create's answer was lost
    app.runner.wake();
    await app.runner.drain();
    expect(organizerEvents()).toHaveLength(1);
    expect(app.sandbox!.state.driveItems.filter((i) => i.name === 'Dagsorden.docx')).toHaveLength(1);
  });

  it('completes 50 plans with 20 % of Graph calls answered 429 or 503, without duplicates', async () => {
    app.sandbox!.faults.configure({ rate: 0.2, statuses: [429, 503], retryAfterSeconds: 0 });
    const injectedBefore = app.sandbox!.faults.injected;
    const schools = ['bakkeskolen', 'fjordskolen', 'skovbrynet'];
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        asLead(
          'POST',
          '/conversations',
          planBody({
            schoolId: schools[i % 3],
            startsAt: new Date(Date.UTC(2027, 4, 3 + i, 7)).toISOString(),
            endsAt: new Date(Date.UTC(2027, 4, 3 + i, 9)).toISOString(),
          }),
        ),
      ),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    await app.runner.drain(90_000);
    app.sandbox!.faults.configure({ rate: 0 });
    expect(app.sandbox!.faults.injected - injectedBefore).toBeGreaterThan(10);
    expect(await sideEffectsDone()).toBe(true);
    const [dead] = await app.db.query<{ n: number }>(`select count(*)::int as n from jobs where status = 'dead'`);
    expect(dead!.n).toBe(0);
    expect(organizerEvents()).toHaveLength(51);
    expect(new Set(organizerEvents().map((e) => e.transactionId)).size).toBe(51);
    expect(conversationFolders()).toHaveLength(51);
    const [invited] = await app.db.query<{ n: number }>(`select count(*)::int as n from conversations where status = 'invited'`);
    expect(invited!.n).toBe(51);
  });

  it('shows a failed side effect with a retry that then completes', async () => {
    app.sandbox!.faults.configure({ rate: 1, statuses: [503], retryAfterSeconds: 0 });
    const planned = await asLead('POST', '/conversations', planBody({ startsAt: '2027-09-01T07:00:00Z', endsAt: '2027-09-01T09:00:00Z' }));
    await app.runner.drain(60_000);
    const failed = (await asLead('GET', `/conversations/${planned.body.id}`)).body;
    expect(failed.sideEffects.find((s: any) => s.kind === 'invitation').status).toBe('failed');
    expect(failed.permissions.retry).toBe(true);
    app.sandbox!.faults.configure({ rate: 0 });
    expect((await asLead('POST', `/conversations/${planned.body.id}/retry`)).status).toBe(200);
    await app.runner.drain();
    const recovered = (await asLead('GET', `/conversations/${planned.body.id}`)).body;
    expect(recovered.sideEffects.every((s: any) => s.status === 'done')).toBe(true);
    expect(recovered.status).toBe('invited');
  });
});
