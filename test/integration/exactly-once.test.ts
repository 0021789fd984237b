import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationWithAgendaSent, startTestApp, waitFor, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

/**
 * Graph and Teams asking the app to wait longer than a job's lease (a
 * 3-second Retry-After against a 1-second lease here; 70 s against 8 s in a
 * real tenant) must never let a second worker run the same job: the heartbeat
 * keeps the lease. Every event, file and chat message exists once, and every
 * message's activity id is kept for later card updates.
 */
let app: TestApp;
const invitees = [
  { upn: 'jonas.kjaer@sohavn.example', role: 'facilitator' },
  { upn: 'peter.lind@sohavn.example', role: 'minuteTaker' },
  { upn: 'camilla.bro@sohavn.example', role: 'participant' },
  { upn: 'emil.vang@sohavn.example', role: 'participant' },
  { upn: 'nanna.friis@sohavn.example', role: 'participant' },
  { upn: 'laerke.dahl@sohavn.example', role: 'participant' },
];
const control = (path: string, body: unknown) =>
  fetch(`${app.url}/sandbox/_control/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  app = await startTestApp({ jobs: { leaseSeconds: 1, backoffBaseMs: 50, backoffCapMs: 500 } });
});
afterAll(() => app.stop());

describe(`exactly once while Microsoft 365 asks to wait longer than a lease (${databaseKind()})`, () => {
  it('keeps one event, one agenda and one message per person, with every activity id', async () => {
    await control('faults', { rate: 0.3, statuses: [429], retryAfterSeconds: 3, seed: 11 });
    await control('connector-faults', { rate: 0.3, statuses: [429], retryAfterSeconds: 3, seed: 12 });
    try {
      const id = await conversationWithAgendaSent(app, invitees);
      const everyone = 2 + invitees.length;
      await waitFor(
        async () =>
          (
            await app.db.query<{ n: number }>("select count(*)::int as n from chat_outbox where status = 'sent' and conversation_id = $1", [
              id,
            ])
          )[0]!.n === everyone,
        120_000,
      );
      await app.runner.drain(120_000);
      expect(app.sandbox!.faults.injected + app.sandbox!.connectorStats.faultsInjected).toBeGreaterThan(0);

      const state = app.sandbox!.state;
      const organiserEvents = state.events.filter((e) => e.transactionId === id && e.isOrganizer);
      expect(organiserEvents).toHaveLength(1);
      const agendas = state.driveItems.filter((i) => i.name === 'Dagsorden.docx');
      expect(agendas).toHaveLength(1);
      for (const chat of state.chats) {
        const welcomes = chat.activities.filter((a) => a.from === 'bot' && JSON.stringify(a.attachments).includes(id));
        expect(welcomes, chat.userId).toHaveLength(1);
      }
      const rows = await app.db.query<{ activity_id: string | null }>('select activity_id from chat_outbox where conversation_id = $1', [
        id,
      ]);
      expect(rows).toHaveLength(everyone);
      for (const row of rows) expect(row.activity_id).toBeTruthy();
      // Nothing ran twice: no job was taken over from a live worker.
      const takenOver = await app.db.query<{ n: number }>("select count(*)::int as n from jobs where status <> 'done'");
      expect(takenOver[0]!.n).toBe(0);
    } finally {
      await control('faults', {});
      await control('connector-faults', {});
    }
  }, 180_000);
});
