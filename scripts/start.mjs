// `npm start`: the built server with the local settings of scripts/server-command.mjs (glibc reads
// MALLOC_ARENA_MAX when a process starts, so the server runs as a child that gets it from the start).
import { spawn } from 'node:child_process';
import { serverArgs, serverEnv } from './server-command.mjs';

const server = spawn(process.execPath, serverArgs, { stdio: 'inherit', env: { ...serverEnv, ...process.env } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
