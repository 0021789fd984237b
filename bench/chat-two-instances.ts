/**
 * Teams' limits held across instances: two server processes on one
 * PostgreSQL deliver a reflection round to 1,000 people together through the
 * sandbox's Bot Connector (which enforces 50 messages/s per app and each
 * chat's windows with 429s, counting both instances' sends). Prints the
 * aggregate rate (goal ≥ 45/s and ≤ 50/s), the busiest second, how the sends
 * split between the instances, 429s (goal 0), lost and duplicate prompts
 * (goal 0 each). BENCH_TIMELINE=process gives each instance its own
 * timeline instead, to see what sharing it prevents. Needs DATABASE_URL;
 * asserts nothing.
 * Run: DATABASE_URL=postgres://… npx tsx bench/chat-two-instances.ts
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/compose.js';
import { openPostgresDatabase } from '../src/store/postgres-database.js';
import { migrate } from '../src/store/migrate.js';
import { chatUsersRepository } from '../src/store/chat-users-repository.js';
import { stableUserId } from '../src/sandbox/demo-tenant.js';
import { ChatPacer, pacedConversationLimits } from '../bot/chat-pacer.js';
import { reserveSendSlot } from '../src/store/send-slots-repository.js';
import { memorySendTimeline } from '../src/m365/memory-send-timeline.js';
import { conversationWith, sandboxPeople, startRoundAsLeader } from './support/bench-helpers.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.log('chat across two instances: skipped (needs DATABASE_URL, a PostgreSQL both instances share)');
  process.exit(0);
}
const participants = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const schema = `bench_${Date.now()}`;
const db = await openPostgresDatabase(url, schema);
await migrate(db);
// BENCH_TIMELINE=process: each instance keeps its own timeline (as before the shared one), for comparison.
const perProcess = process.env.BENCH_TIMELINE === 'process' ? memorySendTimeline(pacedConversationLimits) : null;
let sentByA = 0;
const pacer = new ChatPacer(async (tenantId, conversationId) => {
  sentByA++;
  return perProcess ? perProcess(tenantId, conversationId) : reserveSendSlot(db, tenantId, conversationId, pacedConversationLimits);
});
const app = await startApp(loadConfig({ PORT: '0', ORGANISATION_FILE: 'config/organisation.local.json', JOB_CONCURRENCY: '24' }), {
  db,
  pacer,
  jobs: { pollIntervalMs: 50, backoffBaseMs: 200, backoffCapMs: 5000 },
});
const sandbox = app.sandbox!;

// 1,000 people whose chats with the bot are open already (first contact is another bench's subject).
const people = sandboxPeople(app, participants);
for (let i = 0; i < people.length; i += 50) {
  await Promise.all(
    people.slice(i, i + 50).map(async (p) => {
      const aadObjectId = stableUserId(p.upn);
      await chatUsersRepository.upsert(db, { upn: p.upn, aadObjectId, conversationRef: await app.ctx.personalChats.open(aadObjectId) });
    }),
  );
}

// The second instance: another process, the same database.
const second = spawn(process.execPath, ['--import', 'tsx', 'bench/support/app-instance.ts'], {
  env: { ...process.env, BENCH_SCHEMA: schema },
  stdio: ['pipe', 'pipe', 'inherit'],
});
const lines = createInterface({ input: second.stdout! });
const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
if ((await nextLine()) !== 'ready') throw new Error('the second instance did not start');

const conversation = await conversationWith(app, people);

const stats = { ...sandbox.connectorStats };
const started = performance.now();
const roundId = await startRoundAsLeader(app, conversation.id);
const deadline = Date.now() + 10 * 60_000;
while (sandbox.connectorStats.delivered - stats.delivered < participants && Date.now() < deadline)
  await new Promise((r) => setTimeout(r, 100));
await app.runner.drain(120_000);
const elapsedS = (performance.now() - started) / 1000;
second.stdin!.write('count\n');
const sentByB = Number((await nextLine()).replace('sent ', ''));
second.kill('SIGTERM');
await new Promise((resolve) => second.once('exit', resolve));

const expected = new Set(people.map((p) => stableUserId(p.upn)));
const perChat = new Map<string, number>();
const times: number[] = [];
for (const chat of sandbox.state.chats.filter((c) => expected.has(c.userId))) {
  const ours = chat.activities.filter((a) => JSON.stringify(a.attachments).includes(roundId));
  perChat.set(chat.userId, ours.length);
  times.push(...ours.map((a) => Date.parse(a.timestamp)));
}
times.sort((a, b) => a - b);
let busiest = 0;
for (let i = 0, j = 0; i < times.length; i++) {
  while (times[i]! - times[j]! >= 1000) j++;
  busiest = Math.max(busiest, i - j + 1);
}
const lost = [...expected].filter((id) => !perChat.get(id)).length;
const duplicates = [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
console.log(
  `chat across two instances on one PostgreSQL: ${participants} prompts — ${rate.toFixed(1)} messages/s together ` +
    `(${((rate / 50) * 100).toFixed(0)} % of Teams' 50/s), busiest second ${busiest} messages, start→last ${elapsedS.toFixed(1)} s; ` +
    `sent by instance A ${sentByA}, by instance B ${sentByB}; 429s ${sandbox.connectorStats.throttled - stats.throttled}, lost ${lost}, duplicates ${duplicates}`,
);
await app.close();
await db.exec(`drop schema "${schema}" cascade`);
await db.close();
