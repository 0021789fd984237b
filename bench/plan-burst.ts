/**
 * A burst of plans against the sandbox with 100 ms latency on every HTTP
 * request to "Graph": 2,000 plans posted as fast as 50 clients can (a plan
 * turned away with 503 waits its Retry-After and comes again, as the tab
 * would). Prints how many were turned away at first, the drain rate (plans
 * whose invitation, folder and agenda are done, per second, from the first
 * post to the last done), plan-to-invitation p50/p99, the Graph round trips
 * and the job runner's concurrency at the end. Asserts nothing.
 * Run: npx tsx bench/plan-burst.ts
 */
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/compose.js';
import { openPgliteDatabase } from '../src/store/pglite-database.js';
import { openPostgresDatabase } from '../src/store/postgres-database.js';
import { migrate } from '../src/store/migrate.js';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { signedInHeaders } from './support/bench-helpers.js';

/** The machine's CPU ticks (Linux): busy and all, to see whether the burst is held by CPU or by waiting. */
function machineTicks(): { busy: number; all: number } {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const n = fields.map(Number);
    const all = n.reduce((a, b) => a + b, 0);
    return { busy: all - n[3]! - (n[4] ?? 0), all };
  } catch {
    return { busy: 0, all: 0 };
  }
}
const machineBusy = (a: { busy: number; all: number }, b: { busy: number; all: number }) =>
  b.all > a.all ? ((100 * (b.busy - a.busy)) / (b.all - a.all)).toFixed(0) : '?';

const plans = Number(process.env.BENCH_PLANS ?? 2000);
const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);

const schema = `bench_${Date.now()}`;
const db = process.env.DATABASE_URL ? await openPostgresDatabase(process.env.DATABASE_URL, schema) : await openPgliteDatabase();
await migrate(db);
const app = await startApp(
  loadConfig({
    PORT: '0',
    ORGANISATION_FILE: 'config/organisation.local.json',
    ...(process.env.JOB_CONCURRENCY ? { JOB_CONCURRENCY: process.env.JOB_CONCURRENCY } : {}),
  }),
  { db },
);
const headers = await signedInHeaders(app);
app.sandbox!.faults.configure({ latencyMs });

const schools = ['bakkeskolen', 'fjordskolen', 'skovbrynet'];
let next = 0;
let turnedAway = 0;
const started = performance.now();
const cpuAtStart = process.cpuUsage();
const machineAtStart = machineTicks();
await Promise.all(
  Array.from({ length: clients }, async () => {
    for (let i = next++; i < plans; i = next++) {
      // Distinct school and start for each plan: a day each, spread over the years ahead, 08:00 UTC.
      const day = new Date(Date.UTC(2027, 2, 1) + Math.floor(i / schools.length) * 86_400_000);
      const body = JSON.stringify({
        schoolId: schools[i % schools.length],
        templateId: 'aarhus-2025',
        startsAt: new Date(day.getTime() + 8 * 3600_000).toISOString(),
        endsAt: new Date(day.getTime() + 10 * 3600_000).toISOString(),
        theme: 'Deltagelsesmuligheder for alle børn',
        extraTopics: [],
      });
      for (;;) {
        const response = await fetch(`${app.url}/api/conversations`, { method: 'POST', headers, body });
        await response.arrayBuffer();
        if (response.status !== 503) break;
        turnedAway++;
        await new Promise((r) => setTimeout(r, Number(response.headers.get('retry-after') ?? 1) * 1000));
      }
    }
  }),
);
const posted = performance.now() - started;
for (;;) {
  const [row] = await db.query<{ open: number }>(`select count(*) filter (where status <> 'done')::int as open from side_effects`);
  if (row!.open === 0) break;
  await new Promise((r) => setTimeout(r, 50));
}
const done = performance.now() - started;
const cpu = process.cpuUsage(cpuAtStart);
const machineAtEnd = machineTicks();
const timings = (
  await db.query<{ ms: number }>(
    `select extract(epoch from (s.updated_at - c.created_at)) * 1000 as ms
     from side_effects s join conversations c on c.id = s.conversation_id where s.kind = 'invitation'`,
  )
).map((r) => Number(r.ms));
timings.sort((a, b) => a - b);
const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!;
const concurrency = app.runner.currentConcurrency;
const roundTrips = app.graph.roundTrips;
await app.close();
if (db.kind === 'postgres') await db.exec(`drop schema "${schema}" cascade`);
await db.close();
console.log(`plan burst: ${plans} plans from ${clients} clients, ${latencyMs} ms Graph latency (${db.kind})`);
console.log(
  `  all posted after ${(posted / 1000).toFixed(1)} s (${turnedAway} answers 503 with Retry-After first); all done after ${(done / 1000).toFixed(1)} s`,
);
console.log(`  drain rate: ${(plans / (done / 1000)).toFixed(1)} plans/s (goal ≥ 50)`);
console.log(`  plan → invitation: p50 ${(at(0.5) / 1000).toFixed(1)} s, p99 ${(at(0.99) / 1000).toFixed(1)} s`);
console.log(
  `  this process (app, sandbox and clients) busy ${(((cpu.user + cpu.system) / 1000 / done) * 100).toFixed(0)} % of one core; ${((cpu.user + cpu.system) / 1000 / plans).toFixed(1)} ms CPU per plan`,
);
console.log(`  the machine (${availableParallelism()} cores, the database included) busy ${machineBusy(machineAtStart, machineAtEnd)} %`);
console.log(`  Graph round trips ${roundTrips} (${(roundTrips / plans).toFixed(2)} per plan); job concurrency at the end ${concurrency}`);
