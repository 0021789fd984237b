/**
 * Chat fan-out benchmark: a reflection round for 1,000 participants, started
 * through the real use case, delivered by the durable jobs through the
 * Agents SDK to the sandbox's Bot Connector, which enforces Teams' limits
 * (50 messages/s per app per tenant; 7/s and 60/30 s per conversation) with
 * 429s. First contact included: each person's app installation and chat are
 * opened through Graph on the way. Prints messages per second (goal ≥ 45,
 * i.e. ≥ 90 % of the limit), prompts lost and duplicates (goal 0 each); a
 * second run adds 30 % injected 429s. Asserts nothing. Run: npx tsx bench/chat-fan-out.ts
 */
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/compose.js';
import { openPgliteDatabase } from '../src/store/pglite-database.js';
import { stableUserId } from '../src/sandbox/demo-tenant.js';
import { conversationWith, sandboxPeople, startRoundAsLeader } from './support/bench-helpers.js';

const participants = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const db = await openPgliteDatabase();
const app = await startApp(
  loadConfig({
    PORT: '0',
    ORGANISATION_FILE: 'config/organisation.local.json',
    ...(process.env.JOB_CONCURRENCY ? { JOB_CONCURRENCY: process.env.JOB_CONCURRENCY } : {}),
  }),
  {
    db,
    jobs: { pollIntervalMs: 50, backoffBaseMs: 200, backoffCapMs: 5000 },
  },
);
const sandbox = app.sandbox!;

async function runRound(label: string, faultRate: number): Promise<void> {
  // A conversation with 1,000 invitees, all new to the bot.
  const people = sandboxPeople(app, participants, `.${label}`);
  const conversation = await conversationWith(app, people);

  sandbox.connectorFaults.configure({ rate: faultRate, statuses: [429], retryAfterSeconds: 0 });
  const stats = { ...sandbox.connectorStats };
  const started = performance.now();
  const roundId = await startRoundAsLeader(app, conversation.id);
  const expected = new Set(people.map((p) => stableUserId(p.upn)));
  const delivered = () =>
    sandbox.state.chats
      .filter((c) => expected.has(c.userId))
      .flatMap((c) => c.activities.filter((a) => JSON.stringify(a.attachments).includes(roundId)));
  const deadline = Date.now() + 10 * 60_000;
  // Cheap progress probe (the connector's own counter); the exact per-chat check comes after.
  while (sandbox.connectorStats.delivered - stats.delivered < participants && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  await app.runner.drain(120_000);
  const elapsedS = (performance.now() - started) / 1000;

  const activities = delivered();
  const times = activities.map((a) => Date.parse(a.timestamp)).sort((a, b) => a - b);
  const spanS = (times.at(-1)! - times[0]!) / 1000;
  const perChat = new Map<string, number>();
  for (const chat of sandbox.state.chats.filter((c) => expected.has(c.userId))) {
    perChat.set(chat.userId, chat.activities.filter((a) => JSON.stringify(a.attachments).includes(roundId)).length);
  }
  const lost = [...expected].filter((id) => !perChat.get(id)).length;
  const duplicates = [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const rate = (activities.length - 1) / spanS;
  console.log(
    `${label}: ${participants} prompts, injected 429s ${Math.round(faultRate * 100)} % — ` +
      `${rate.toFixed(1)} messages/s between first and last delivery (${((rate / 50) * 100).toFixed(0)} % of Teams' 50/s), ` +
      `start→last ${elapsedS.toFixed(1)} s, lost ${lost}, duplicates ${duplicates}, ` +
      `throttled by the connector's limits ${sandbox.connectorStats.throttled - stats.throttled}, injected ${sandbox.connectorStats.faultsInjected - stats.faultsInjected}`,
  );
}

await runRound('clean', 0);
if (!process.env.BENCH_CLEAN_ONLY) await runRound('faults', 0.3);
sandbox.connectorFaults.configure({});
await app.close();
await db.close();
