import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationWithAgendaSent, lead, leader, startTestApp, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';
import { openEventStream } from '../support/event-stream.js';

/** The live agenda in the meeting: one state in the database, driven by the facilitator, pushed to every open view. */
let app: TestApp;
let id = '';
const facilitator = 'jonas.kjaer@sohavn.example';
const participant = 'camilla.bro@sohavn.example';
const outsider = 'emil.vang@sohavn.example';
let asFacilitator: ApiCaller;
let asParticipant: ApiCaller;
let clock = new Date('2027-03-10T08:00:00Z');

const tokenOf = async (upn: string) =>
  (
    await (
      await fetch(`${app.url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn }),
      })
    ).json()
  ).token as string;

beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  clock = new Date('2026-11-22T10:00:00Z');
  id = await conversationWithAgendaSent(app, [
    { upn: facilitator, role: 'facilitator' },
    { upn: participant, role: 'participant' },
  ]);
  asFacilitator = await app.as(facilitator);
  asParticipant = await app.as(participant);
  clock = new Date('2027-03-10T08:00:00Z');
});
afterAll(() => app.stop());

const act = (who: ApiCaller, action: Record<string, unknown>) => who('POST', `/conversations/${id}/meeting/actions`, action);

describe(`the live agenda (${databaseKind()})`, () => {
  it('shows every participant the agenda not yet started; only those who run the meeting may drive it', async () => {
    const view = (await asParticipant('GET', `/conversations/${id}/meeting`)).body;
    expect(view.canDrive).toBe(false);
    expect(view.live.run.status).toBe('notStarted');
    expect(view.items.map((i: any) => i.minutes)).toEqual([5, 5, 25, 45, 30, 9, 1]);
    expect((await asFacilitator('GET', `/conversations/${id}/meeting`)).body.canDrive).toBe(true);
    const refused = await act(asParticipant, { kind: 'start' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('MEETING_NOT_DRIVER');
    expect((await (await app.as(outsider))('GET', `/conversations/${id}/meeting`)).status).toBe(404);
    expect((await act(asFacilitator, { kind: 'next' })).status).toBe(400);
    expect((await act(asFacilitator, { kind: 'next', fromItemKey: 'welcome' })).body.code).toBe('AGENDA_ACTION_NOT_POSSIBLE');
  });

  it('pushes each change to every open view, and moves once when two press "næste punkt" together', async () => {
    const leaderView = openEventStream(`${app.url}/api/conversations/${id}/meeting/stream`, await tokenOf(leader));
    const participantView = openEventStream(`${app.url}/api/conversations/${id}/meeting/stream`, await tokenOf(participant));
    try {
      await leaderView.next((d) => d.run.status === 'notStarted');
      await participantView.next((d) => d.run.status === 'notStarted');
      const pressed = Date.now();
      expect((await act(asFacilitator, { kind: 'start' })).status).toBe(200);
      const seen = await Promise.all([leaderView, participantView].map((v) => v.next((d) => d.run.status === 'running')));
      for (const { at } of seen) expect(at - pressed).toBeLessThan(1000);

      clock = new Date('2027-03-10T08:06:00Z');
      const asLeader = await app.as(leader);
      const [a, b] = await Promise.all([
        act(asFacilitator, { kind: 'next', fromItemKey: 'welcome' }),
        act(asLeader, { kind: 'next', fromItemKey: 'welcome' }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const now = (await asParticipant('GET', `/conversations/${id}/meeting`)).body.live.run;
      expect(now.currentIndex).toBe(1);
      expect(now.actuals.welcome.runningMs).toBe(6 * 60_000);
      await participantView.next((d) => d.run.currentIndex === 1);
    } finally {
      await Promise.all([leaderView.close(), participantView.close()]);
    }
  });

  it('moves minutes between items still to come, and refuses what is done', async () => {
    const moved = await act(asFacilitator, { kind: 'moveMinutes', fromItemKey: 'decision', toItemKey: 'reflection', minutes: 10 });
    expect(moved.status).toBe(200);
    expect(moved.body.run.minutes).toMatchObject({ decision: 20, reflection: 55 });
    const refused = await act(asFacilitator, { kind: 'moveMinutes', fromItemKey: 'welcome', toItemKey: 'data', minutes: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('Et punkt, der er afsluttet, kan hverken give eller få minutter.');
  });

  it('announces a reflection round started from its item to the open views', async () => {
    const view = openEventStream(`${app.url}/api/conversations/${id}/meeting/stream`, await tokenOf(participant));
    try {
      await view.next(() => true);
      const from = view.events.length;
      expect((await asFacilitator('POST', `/conversations/${id}/reflection-rounds`, { itemKey: 'reflection' })).status).toBe(201);
      await view.next(() => true, from);
    } finally {
      await view.close();
    }
  });

  it('lets the municipal lead, who takes part, stand in', async () => {
    expect((await act(await app.as(lead), { kind: 'pause' })).body.run.status).toBe('paused');
  });

  it('puts what each item took into the minutes’ draft, the evaluation and the municipality’s overview', async () => {
    clock = new Date('2027-03-10T08:20:00Z');
    expect((await act(asFacilitator, { kind: 'resume' })).body.run.status).toBe('running');
    clock = new Date('2027-03-10T08:40:00Z');
    await act(asFacilitator, { kind: 'next', fromItemKey: 'framing' });
    clock = new Date('2027-03-10T08:41:00Z');
    expect((await act(asFacilitator, { kind: 'end' })).body.run.status).toBe('ended');

    const minutes = (await (await app.as(leader))('GET', `/conversations/${id}/minutes`)).body;
    expect(minutes.timeUse.find((u: any) => u.key === 'framing')).toEqual({ key: 'framing', plannedMinutes: 5, actualMinutes: 20 });
    expect(minutes.evaluationDraft).toContain('punkt 2 „Rammesætning af mødet“ tog 20 min. mod planlagt 5');
    const evaluation = (await asParticipant('GET', `/conversations/${id}/evaluation`)).body;
    expect(evaluation.timeUse.map((u: any) => [u.key, u.actualMinutes])).toEqual([
      ['welcome', 6],
      ['framing', 20],
      ['data', 1],
    ]);
    const overview = (await (await app.as(lead))('GET', '/evaluations')).body;
    expect(overview.overrunItems).toEqual([{ title: 'Rammesætning af mødet', held: 1, overran: 1, averageOverrunMinutes: 15 }]);
  });
});
