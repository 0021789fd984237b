/**
 * A second server instance for bench/chat-two-instances.ts: the same app in
 * local mode on the same PostgreSQL schema, running its job runner (so it
 * takes its share of the chat deliveries). Prints "ready", then on each
 * "count" line on stdin how many messages it has paced; stops on SIGTERM.
 */
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config.js';
import { startApp } from '../../src/compose.js';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';
import { ChatPacer, pacedConversationLimits } from '../../bot/chat-pacer.js';
import { reserveSendSlot } from '../../src/store/send-slots-repository.js';
import { memorySendTimeline } from '../../src/m365/memory-send-timeline.js';

const db = await openPostgresDatabase(process.env.DATABASE_URL!, process.env.BENCH_SCHEMA!);
// BENCH_TIMELINE=process: each instance keeps its own timeline (as before the shared one), for comparison.
const perProcess = process.env.BENCH_TIMELINE === 'process' ? memorySendTimeline(pacedConversationLimits) : null;
let sent = 0;
// The pacer compose.ts builds for PostgreSQL, counting what this instance sends.
const pacer = new ChatPacer(async (tenantId, conversationId) => {
  sent++;
  return perProcess ? perProcess(tenantId, conversationId) : reserveSendSlot(db, tenantId, conversationId, pacedConversationLimits);
});
const app = await startApp(
  loadConfig({ PORT: '0', ORGANISATION_FILE: 'config/organisation.local.json', JOB_CONCURRENCY: process.env.JOB_CONCURRENCY ?? '24' }),
  { db, pacer, jobs: { pollIntervalMs: 50, backoffBaseMs: 200, backoffCapMs: 5000 } },
);
console.log('ready');
createInterface({ input: process.stdin }).on('line', () => console.log(`sent ${sent}`));
process.on('SIGTERM', async () => {
  await app.close();
  await db.close();
  process.exit(0);
});
