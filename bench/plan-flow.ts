/**
 * Plan flow benchmark: with 100 ms latency injected in the sandbox (every HTTP
 * request to "Graph" waits 100 ms), how many sequential Graph round trips does a
 * plan need, and how long until its invitation, folder and agenda are done?
 * Prints figures; asserts nothing. Run: npx tsx bench/plan-flow.ts
 */
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/compose.js';
import { openPgliteDatabase } from '../src/store/pglite-database.js';

const plans = Number(process.env.BENCH_PLANS ?? 30);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);

const db = await openPgliteDatabase();
const app = await startApp(loadConfig({ PORT: '0', ORGANISATION_FILE: 'config/organisation.local.json' }), {
  db,
  jobs: { pollIntervalMs: 1000 },
});
const signIn = await fetch(`${app.url}/api/dev/sign-in`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ upn: 'mette.lund@sohavn.example' }),
});
const { token } = (await signIn.json()) as { token: string };
app.sandbox!.faults.configure({ latencyMs });

const schools = ['bakkeskolen', 'fjordskolen', 'skovbrynet'];
const durations: number[] = [];
const roundTrips: number[] = [];
for (let i = 0; i < plans; i++) {
  const before = app.graph.roundTrips;
  const started = performance.now();
  const response = await fetch(`${app.url}/api/conversations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      schoolId: schools[i % schools.length],
      templateId: 'aarhus-2025',
      startsAt: new Date(Date.UTC(2027, 2, 1 + i, 8)).toISOString(),
      endsAt: new Date(Date.UTC(2027, 2, 1 + i, 10)).toISOString(),
      theme: 'Deltagelsesmuligheder for alle børn',
      extraTopics: [],
    }),
  });
  const { id } = (await response.json()) as { id: string };
  for (;;) {
    const [row] = await db.query<{ open: number; total: number }>(
      `select count(*) filter (where status <> 'done')::int as open, count(*)::int as total from side_effects where conversation_id = $1`,
      [id],
    );
    if (row && row.total === 3 && row.open === 0) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  durations.push(performance.now() - started);
  roundTrips.push(app.graph.roundTrips - before);
}

const sorted = [...durations].sort((a, b) => a - b);
const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const warm = roundTrips.slice(schools.length);
console.log(`plan flow, ${plans} plans, ${latencyMs} ms injected latency per Graph request`);
console.log(
  `  sequential Graph round trips per plan: ${Math.max(...warm)} (first plan per school, directory cold: ${Math.max(...roundTrips.slice(0, schools.length))})  goal ≤ 2`,
);
console.log(
  `  plan → invitation, folder and agenda done: p50 ${percentile(50).toFixed(0)} ms, p90 ${percentile(90).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms  goal p50 ≤ 350 ms`,
);
console.log(`  p50 / (2 × latency) = ${(percentile(50) / (2 * latencyMs)).toFixed(2)} (1.00 would be network time alone)`);
await app.close();
await db.close();
