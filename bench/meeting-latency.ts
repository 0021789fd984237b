/**
 * The live agenda in the meeting: with 50 views open (side panels and
 * stages, each an event stream), how long from the facilitator's press until
 * every view has the new state? 40 presses (pause and resume, each a change);
 * prints p50 and p99 over every view's arrival. PGlite by default, the
 * PostgreSQL server with DATABASE_URL (then the change travels through
 * LISTEN/NOTIFY). Asserts nothing. Run: npx tsx bench/meeting-latency.ts
 */
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/compose.js';
import { openPgliteDatabase } from '../src/store/pglite-database.js';
import { openPostgresDatabase } from '../src/store/postgres-database.js';
import { migrate } from '../src/store/migrate.js';

const views = Number(process.env.BENCH_VIEWS ?? 50);
const presses = Number(process.env.BENCH_PRESSES ?? 40);
const schema = `bench_${Date.now()}`;
const db = process.env.DATABASE_URL ? await openPostgresDatabase(process.env.DATABASE_URL, schema) : await openPgliteDatabase();
await migrate(db);
const app = await startApp(loadConfig({ PORT: '0', ORGANISATION_FILE: 'config/organisation.local.json' }), {
  db,
  jobs: { pollIntervalMs: 50 },
});

const tokenOf = async (upn: string) =>
  (
    (await (
      await fetch(`${app.url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn }),
      })
    ).json()) as { token: string }
  ).token;
const call = async (token: string, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${app.url}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as any;
};

// A conversation with its agenda sent: the lead plans, the school leader invites the facilitator and sends.
const [lead, leader, facilitator] = await Promise.all(
  ['mette.lund@sohavn.example', 'anders.holm@sohavn.example', 'jonas.kjaer@sohavn.example'].map(tokenOf),
);
const planned = await call(lead!, 'POST', '/conversations', {
  schoolId: 'bakkeskolen',
  templateId: 'aarhus-2025',
  startsAt: '2027-03-10T08:00:00Z',
  endsAt: '2027-03-10T10:00:00Z',
  theme: 'Deltagelsesmuligheder for alle børn',
  extraTopics: [],
});
const id = planned.id as string;
await app.runner.drain();
let conversation = await call(leader!, 'GET', `/conversations/${id}`);
conversation = await call(leader!, 'PUT', `/conversations/${id}/school-part`, {
  version: conversation.version,
  developmentAreas: 'Pauserne',
  learningFocus: 'Hvordan?',
  participants: [{ upn: 'jonas.kjaer@sohavn.example', role: 'facilitator' }],
});
await call(leader!, 'POST', `/conversations/${id}/send-agenda`, { version: conversation.version });
await app.runner.drain();

// The open views: each reads the stream and notes when each version arrived.
const arrivals: Map<number, number>[] = [];
const controllers: AbortController[] = [];
await Promise.all(
  Array.from({ length: views }, async (_, n) => {
    const seen = new Map<number, number>();
    arrivals.push(seen);
    const controller = new AbortController();
    controllers.push(controller);
    const response = await fetch(`${app.url}/api/conversations/${id}/meeting/stream`, {
      headers: { Authorization: `Bearer ${n % 2 ? leader : lead}` },
      signal: controller.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let first: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => (first = resolve));
    void (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (data) seen.set((JSON.parse(data) as { version: number }).version, performance.now());
          first();
        }
      }
    })();
    await opened;
  }),
);

const latencies: number[] = [];
await call(facilitator!, 'POST', `/conversations/${id}/meeting/actions`, { kind: 'start' });
await new Promise((r) => setTimeout(r, 200));
for (let i = 0; i < presses; i++) {
  const pressed = performance.now();
  const { version } = await call(facilitator!, 'POST', `/conversations/${id}/meeting/actions`, { kind: i % 2 ? 'resume' : 'pause' });
  const deadline = performance.now() + 5000;
  while (arrivals.some((seen) => !seen.has(version)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  for (const seen of arrivals) latencies.push((seen.get(version) ?? Number.POSITIVE_INFINITY) - pressed);
}
controllers.forEach((c) => c.abort());
await app.close();
if (db.kind === 'postgres') await db.exec(`drop schema "${schema}" cascade`);
await db.close();

latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
const missed = latencies.filter((l) => !Number.isFinite(l)).length;
console.log(`live agenda, ${views} open views, ${presses} presses (${db.kind}):`);
console.log(
  `  press → every view: p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${at(1).toFixed(1)} ms; missed ${missed}`,
);
