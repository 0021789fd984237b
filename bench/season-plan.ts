/**
 * The municipality's season: 50 schools planned in one go, with 100 ms of
 * latency on every HTTP request to "Graph" (the sandbox). Prints the Graph
 * round trips the invitations, folders and agendas took (JSON batches of 20),
 * how many of them were in sequence (the longest chain of round trips each
 * begun after the one before ended, as the sandbox noted its latency),
 * and the time from "Planlæg" until every school's side effects were done.
 * Asserts nothing. Run: npx tsx bench/season-plan.ts
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/compose.js';
import { openPgliteDatabase } from '../src/store/pglite-database.js';
import { signedInHeaders } from './support/bench-helpers.js';
import { roundTripsInSequence } from '../src/sandbox/fault-injection.js';

const schools = Number(process.env.BENCH_SCHOOLS ?? 50);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 100);
const organisation = JSON.parse(readFileSync('config/organisation.local.json', 'utf8'));
const leaders = ['anders.holm@sohavn.example', 'sofie.berg@sohavn.example', 'karim.nielsen@sohavn.example'];
organisation.schools = Array.from({ length: schools }, (_, i) => ({
  id: `skole-${i + 1}`,
  name: `Skole ${i + 1}`,
  leaderUpn: leaders[i % 3],
}));
const file = join(mkdtempSync(join(tmpdir(), 'udviklingssamtale-season-')), 'organisation.json');
writeFileSync(file, JSON.stringify(organisation));

const db = await openPgliteDatabase();
const app = await startApp(loadConfig({ PORT: '0', ORGANISATION_FILE: file }), { db, jobs: { pollIntervalMs: 50 } });
const headers = await signedInHeaders(app);
const proposal = (await (
  await fetch(`${app.url}/api/season/proposal?from=2027-01-04&to=2027-03-19&templateId=aarhus-2025`, { headers })
).json()) as { proposals: { schoolId: string; startsAt?: string; endsAt?: string }[] };
const slots = proposal.proposals.filter((p) => p.startsAt).map((p) => ({ schoolId: p.schoolId, startsAt: p.startsAt, endsAt: p.endsAt }));

app.sandbox!.faults.configure({ latencyMs });
const before = app.graph.roundTrips;
const started = performance.now();
const waitsFrom = app.sandbox!.faults.waits.length;
const response = await fetch(`${app.url}/api/season`, {
  method: 'POST',
  headers,
  body: JSON.stringify({ templateId: 'aarhus-2025', theme: 'Fællesskaber', extraTopics: [], slots }),
});
const answered = performance.now() - started;
const { outcomes } = (await response.json()) as { outcomes: { outcome: string }[] };
for (;;) {
  const [row] = await db.query<{ open: number }>(`select count(*) filter (where status <> 'done')::int as open from side_effects`);
  if (row!.open === 0) break;
  await new Promise((r) => setTimeout(r, 20));
}
const done = performance.now() - started;
const roundTrips = app.graph.roundTrips - before;
const inSequence = roundTripsInSequence(app.sandbox!.faults.waits.slice(waitsFrom));
await app.close();
await db.close();
console.log(
  `season: ${outcomes.filter((o) => o.outcome === 'planned').length} of ${schools} schools planned, ${latencyMs} ms Graph latency`,
);
console.log(
  `  "Planlæg" answered in ${answered.toFixed(0)} ms; every invitation, folder and agenda done after ${(done / 1000).toFixed(2)} s`,
);
console.log(
  `  Graph round trips: ${roundTrips}; in sequence ${inSequence} (the longest chain of round trips each begun after the one before ended, "Planlæg" included; goal ≤ 8)`,
);
