/**
 * Server memory in local mode: start the built server exactly as `npm start`
 * does (same Node flags, embedded PGlite, sandbox, a fresh data folder), plan
 * one conversation, wait until its Microsoft 365 side is done, and read the
 * process's resident set size from /proc. Three starts; prints the median and
 * the spread. Asserts nothing. Run after `npm run build`: npx tsx bench/server-memory.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const startScript = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
const nodeArgs = startScript.split('&&').at(-1)!.trim().split(/\s+/).slice(1);

async function oneRun(): Promise<{ started: number; planned: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'udviklingssamtale-mem-'));
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const server = spawn(process.execPath, nodeArgs, {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;
  const url = `http://localhost:${port}`;
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('kører') && resolve());
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    await new Promise((r) => setTimeout(r, 1000));
    const started = rssMb();
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
    await new Promise((r) => setTimeout(r, 1000));
    return { started, planned: rssMb() };
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
console.log(
  `server memory, local mode (PGlite + sandbox), \`node ${nodeArgs.join(' ')}\`${process.env.MALLOC_ARENA_MAX ? `, MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX}` : ''}`,
);
console.log(`  RSS after start: ${describe(runs.map((r) => r.started))}`);
console.log(`  RSS after one plan (invitation, folder, agenda done): ${describe(runs.map((r) => r.planned))}  goal ≤ 250 MB`);
