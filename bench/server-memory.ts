/**
 * Server memory in local mode: the built server started exactly as `npm
 * start` starts it (scripts/server-command.mjs: same Node flags and
 * environment, embedded PGlite, sandbox, a fresh data folder). It plans one
 * conversation and waits until its Microsoft 365 side is done, then reads the
 * process's resident set size idle, then under 200 requests a second for 15 s
 * (the conversation list, a conversation, the health check, as people and
 * App Service would call them), 3 s after, and idle again 20 s after. Three starts; prints
 * medians and every run. Asserts nothing. Run after `npm run build`:
 * npx tsx bench/server-memory.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverArgs, serverEnv } from '../scripts/server-command.mjs';

const ratePerSecond = Number(process.env.BENCH_RATE ?? 200);
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 15);

async function oneRun(): Promise<{ idle: number; underLoad: number; settling: number; after: number; errors: number; sent: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'udviklingssamtale-mem-'));
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const server = spawn(process.execPath, serverArgs, {
    env: { ...process.env, ...serverEnv, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;
  const url = `http://localhost:${port}`;
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('kører') && resolve());
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const signIn = await fetch(`${url}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn: 'mette.lund@sohavn.example' }),
    });
    const auth = { Authorization: `Bearer ${((await signIn.json()) as { token: string }).token}`, 'Content-Type': 'application/json' };
    const planned = await fetch(`${url}/api/conversations`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        schoolId: 'bakkeskolen',
        templateId: 'aarhus-2025',
        startsAt: '2027-03-10T08:00:00Z',
        endsAt: '2027-03-10T10:00:00Z',
        theme: 'Deltagelsesmuligheder for alle børn',
        extraTopics: [],
      }),
    });
    const { id } = (await planned.json()) as { id: string };
    for (;;) {
      const c = (await (await fetch(`${url}/api/conversations/${id}`, { headers: auth })).json()) as { sideEffects: { status: string }[] };
      if (c.sideEffects.length === 3 && c.sideEffects.every((s) => s.status === 'done')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 2000));
    const idle = rssMb();

    // 200 requests a second: a batch every 50 ms, the peak RSS sampled as it goes.
    const paths = ['/api/conversations', `/api/conversations/${id}`, '/healthz', '/api/me'];
    let sent = 0;
    let errors = 0;
    let underLoad = 0;
    const inFlight: Promise<void>[] = [];
    const end = Date.now() + loadSeconds * 1000;
    while (Date.now() < end) {
      for (let i = 0; i < ratePerSecond / 20; i++) {
        const path = paths[sent++ % paths.length]!;
        inFlight.push(
          fetch(`${url}${path}`, { headers: auth })
            .then(async (r) => {
              await r.arrayBuffer();
              if (!r.ok) errors++;
            })
            .catch(() => void errors++),
        );
      }
      underLoad = Math.max(underLoad, rssMb());
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all(inFlight);
    // 3 s after the load V8 has not yet shrunk its heap; its memory reducer acts after some seconds without
    // allocation. Both are printed: the first is what a burst leaves for a moment, the second what stays.
    await new Promise((r) => setTimeout(r, 3000));
    const settling = rssMb();
    await new Promise((r) => setTimeout(r, 17_000));
    return { idle, underLoad, settling, after: rssMb(), errors, sent };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const runs = [];
for (let i = 0; i < 3; i++) runs.push(await oneRun());
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const describe = (values: number[]) => `median ${median(values).toFixed(0)} MB (${values.map((v) => v.toFixed(0)).join(', ')})`;
console.log(`server memory, local mode (PGlite + sandbox), node ${serverArgs.join(' ')} with ${JSON.stringify(serverEnv)}`);
console.log(`  RSS idle after one plan: ${describe(runs.map((r) => r.idle))}  goal ≤ 200 MB`);
console.log(
  `  RSS peak under ${ratePerSecond} req/s for ${loadSeconds} s: ${describe(runs.map((r) => r.underLoad))}  goal ≤ 300 MB; ` +
    `errors ${runs.reduce((s, r) => s + r.errors, 0)} of ${runs.reduce((s, r) => s + r.sent, 0)}`,
);
console.log(`  RSS 3 s after the load: ${describe(runs.map((r) => r.settling))}`);
console.log(`  RSS idle again, 20 s after the load: ${describe(runs.map((r) => r.after))}  goal ≤ 200 MB`);
