import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** A port nobody listens on now, on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface TeamServerProcess {
  port: number;
  url: string;
  /** What the server printed (its start line, the key being claimed). */
  output: string[];
  /** Stops the process as a shop's PC would (SIGTERM), and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * `npm run team-server` as a real process (the same entry, team-server/main.ts, through tsx) on 127.0.0.1:
 * resolves once it says it is listening.
 */
export async function startTeamServerProcess(options: { port: number; dataDir: string }): Promise<TeamServerProcess> {
  const child: ChildProcess = spawn(TSX, ['team-server/main.ts', '--host', '127.0.0.1', '--port', String(options.port), '--data', options.dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the team server did not start:\n${output.join('')}`)), 30_000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('Chốt team server on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the team server exited (${code}):\n${output.join('')}`));
    });
  });
  return {
    port: options.port,
    url: `ws://127.0.0.1:${options.port}`,
    output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
