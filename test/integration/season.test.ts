import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lead, startTestApp, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

/** The municipality's season: a slot for every school from free/busy, then all planned at once through shared Graph batches. */
const facilitator = 'jonas.kjaer@sohavn.example';
const control = (app: TestApp, path: string, body: unknown) =>
  fetch(`${app.url}/sandbox/_control/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const proposalPath = (from: string, to: string) =>
  `/season/proposal?from=${from}&to=${to}&templateId=aarhus-2025&facilitatorUpn=${encodeURIComponent(facilitator)}`;

describe(`the season planner (${databaseKind()})`, () => {
  let app: TestApp;
  let asLead: ApiCaller;
  beforeAll(async () => {
    app = await startTestApp({ now: () => new Date('2026-10-01T10:00:00Z') });
    asLead = await app.as(lead);
  });
  afterAll(() => app.stop());

  it('proposes a slot for every school around its people’s busy time, and says whose calendar it could not read', async () => {
    // Anders Holm (Bakkeskolen) is away all Monday 2 November.
    const made = await fetch(`${app.url}/sandbox/mail/${encodeURIComponent('anders.holm@sohavn.example')}/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ subject: 'Kursus', date: '2026-11-02', start: '08:00', end: '16:00' }),
      redirect: 'manual',
    });
    expect(made.status).toBe(303);
    await control(app, 'unreadable-calendars', { upns: ['karim.nielsen@sohavn.example'] });
    const proposal = await asLead('GET', proposalPath('2026-11-02', '2026-11-13'));
    expect(proposal.status).toBe(200);
    const bySchool = Object.fromEntries(proposal.body.proposals.map((p: any) => [p.schoolId, p]));
    expect(bySchool.bakkeskolen.startsAt.slice(0, 10)).not.toBe('2026-11-02');
    expect(bySchool.fjordskolen).toMatchObject({ kind: 'slot', startsAt: '2026-11-02T07:00:00.000Z' });
    expect(bySchool.skovbrynet.unreadable).toEqual(['karim.nielsen@sohavn.example']);
    expect(proposal.body.unreadable).toEqual(['karim.nielsen@sohavn.example']);
    expect((await (await app.as('anders.holm@sohavn.example'))('GET', proposalPath('2026-11-02', '2026-11-13'))).status).toBe(403);
    expect((await asLead('GET', proposalPath('2026-11-13', '2026-11-02'))).status).toBe(400);
  });

  it('plans the confirmed slots at once, invites the facilitator, and never plans a school twice', async () => {
    const proposal = (await asLead('GET', proposalPath('2026-11-02', '2026-11-13'))).body;
    const slots = proposal.proposals.map((p: any) => ({ schoolId: p.schoolId, startsAt: p.startsAt, endsAt: p.endsAt }));
    const plan = { templateId: 'aarhus-2025', theme: 'Fællesskaber', extraTopics: [], facilitatorUpn: facilitator, slots };
    const result = await asLead('POST', '/season', plan);
    expect(result.status).toBe(200);
    expect(result.body.outcomes.map((o: any) => o.outcome)).toEqual(['planned', 'planned', 'planned']);
    await app.runner.drain();
    const events = app.sandbox!.state.events.filter((e) => e.isOrganizer && e.transactionId);
    expect(events).toHaveLength(3);
    for (const event of events) expect(event.attendees.map((a) => a.emailAddress.address)).toContain(facilitator);
    expect(app.sandbox!.state.driveItems.filter((i) => i.name === 'Dagsorden.docx')).toHaveLength(3);
    // The same season again: already planned, nothing new; and the proposal now lists them as planned.
    const again = await asLead('POST', '/season', plan);
    expect(again.body.outcomes.map((o: any) => o.outcome)).toEqual(['alreadyPlanned', 'alreadyPlanned', 'alreadyPlanned']);
    expect((await asLead('GET', proposalPath('2026-11-02', '2026-11-13'))).body).toMatchObject({ proposals: [] });
    expect(app.sandbox!.state.events.filter((e) => e.isOrganizer && e.transactionId)).toHaveLength(3);
  });

  it('says per school what the rules refuse, and plans the others', async () => {
    const result = await asLead('POST', '/season', {
      templateId: 'aarhus-2025',
      theme: 'Fællesskaber',
      slots: [{ schoolId: 'bakkeskolen', startsAt: '2027-08-20T07:00:00Z', endsAt: '2027-08-20T08:00:00Z' }],
    });
    expect(result.body.outcomes[0]).toMatchObject({ outcome: 'refused', code: 'AGENDA_TIME_MISMATCH' });
    expect(result.body.outcomes[0].message).toMatch(/^Dagsordenens punkter er 60 min\. for lange/);
  });
});

describe(`thirty schools in one go, with 20 % of Graph calls failing (${databaseKind()})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const organisation = JSON.parse(readFileSync(`${root}config/organisation.local.json`, 'utf8'));
    organisation.schools = Array.from({ length: 30 }, (_, i) => ({
      id: `skole-${i + 1}`,
      name: `Skole ${i + 1}`,
      leaderUpn: i % 3 === 0 ? 'anders.holm@sohavn.example' : i % 3 === 1 ? 'sofie.berg@sohavn.example' : 'karim.nielsen@sohavn.example',
    }));
    const file = join(mkdtempSync(join(tmpdir(), 'udviklingssamtale-org-')), 'organisation.json');
    writeFileSync(file, JSON.stringify(organisation));
    app = await startTestApp({ now: () => new Date('2026-10-01T10:00:00Z'), organisationFile: file });
  });
  afterAll(() => app.stop());

  it('makes 30 events and 30 agendas, none twice, and batches the calls', async () => {
    const asLead = await app.as(lead);
    const proposal = (await asLead('GET', proposalPath('2026-11-02', '2026-12-18'))).body;
    expect(proposal.proposals.filter((p: any) => p.kind === 'slot')).toHaveLength(30);
    await control(app, 'faults', { rate: 0.2, statuses: [429, 503], retryAfterSeconds: 0, seed: 30 });
    const before = app.graph.roundTrips;
    const result = await asLead('POST', '/season', {
      templateId: 'aarhus-2025',
      theme: 'Fællesskaber',
      facilitatorUpn: facilitator,
      slots: proposal.proposals.map((p: any) => ({ schoolId: p.schoolId, startsAt: p.startsAt, endsAt: p.endsAt })),
    });
    expect(result.body.outcomes.every((o: any) => o.outcome === 'planned')).toBe(true);
    await app.runner.drain(120_000);
    await control(app, 'faults', {});
    const events = app.sandbox!.state.events.filter((e) => e.isOrganizer && e.transactionId);
    expect(events).toHaveLength(30);
    expect(new Set(events.map((e) => e.transactionId)).size).toBe(30);
    const agendas = app.sandbox!.state.driveItems.filter((i) => i.name === 'Dagsorden.docx');
    expect(agendas).toHaveLength(30);
    expect(new Set(agendas.map((a) => a.parentId)).size).toBe(30);
    const [open] = await app.db.query<{ n: number }>("select count(*)::int as n from side_effects where status <> 'done'");
    expect(open!.n).toBe(0);
    // 30 conversations × (agenda + event + folder + meeting lookup) = 120 requests, shared 20 to a round trip (retries add some).
    const roundTrips = app.graph.roundTrips - before;
    console.log(`30 schools with 20 % faults: ${roundTrips} Graph round trips`);
    expect(roundTrips).toBeLessThan(60);
  });
});
