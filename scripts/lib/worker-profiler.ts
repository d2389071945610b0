// CPU profiles of an extension's service worker, which Playwright gives no DevTools session for: the browser
// is launched with --remote-debugging-port=0 (WORKER_PROFILER_ARGS), and the profiler reaches the worker
// through the browser's own DevTools endpoint (its port is in DevToolsActivePort in the profile).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';

export const WORKER_PROFILER_ARGS = ['--remote-debugging-port=0'];

interface Cdp {
  send(method: string, params?: object, sessionId?: string): Promise<Record<string, unknown>>;
  close(): void;
}

async function connect(userDataDir: string): Promise<Cdp> {
  const [port, path] = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false, maxPayload: 2 ** 30 });
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  let next = 0;
  const waiting = new Map<number, (message: { result?: Record<string, unknown>; error?: unknown }) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown>; error?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  return {
    send: (method, params = {}, sessionId) =>
      new Promise((resolve, reject) => {
        const id = (next += 1);
        waiting.set(id, (message) => (message.error ? reject(new Error(`${method}: ${JSON.stringify(message.error)}`)) : resolve(message.result ?? {})));
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      }),
    close: () => socket.close(),
  };
}

/** Starts profiling the extension's service worker; stop() writes DevTools' .cpuprofile to the file. */
export function profileServiceWorker(userDataDir: string, extensionId: string): Promise<{ stop(file: string): Promise<void> }> {
  return profileTarget(userDataDir, (target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`));
}

/** The same for one of the extension's pages, by its file (`sidepanel.html`). */
export function profileExtensionPage(userDataDir: string, extensionId: string, page: string): Promise<{ stop(file: string): Promise<void> }> {
  return profileTarget(userDataDir, (target) => target.type === 'page' && target.url.startsWith(`chrome-extension://${extensionId}/${page}`));
}

type TargetInfo = { targetId: string; type: string; url: string };

async function profileTarget(userDataDir: string, wanted: (target: TargetInfo) => boolean): Promise<{ stop(file: string): Promise<void> }> {
  const cdp = await connect(userDataDir);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  const target = targetInfos.find(wanted);
  if (!target) throw new Error('no such target to profile');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: true })) as { sessionId: string };
  await cdp.send('Profiler.enable', {}, sessionId);
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 }, sessionId);
  await cdp.send('Profiler.start', {}, sessionId);
  // A page's layout, style and paint are not JavaScript: its counters say how much of its time they took.
  const page = target.type === 'page';
  const metrics = async () =>
    Object.fromEntries(((await cdp.send('Performance.getMetrics', {}, sessionId)).metrics as { name: string; value: number }[]).map((m) => [m.name, m.value]));
  if (page) await cdp.send('Performance.enable', {}, sessionId);
  const before = page ? await metrics() : {};
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop', {}, sessionId);
      writeFileSync(file, JSON.stringify(profile));
      if (page) {
        const after = await metrics();
        const change = Object.fromEntries(Object.entries(after).map(([name, value]) => [name, name in before ? value - before[name]! : value]));
        writeFileSync(file.replace(/\.cpuprofile$/, '.metrics.json'), JSON.stringify({ change, after }, null, 1));
      }
      cdp.close();
    },
  };
}
