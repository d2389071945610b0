import { parseArgs } from 'node:util';
import { startTeamServer } from './server';

// npm run team-server -- [--port 1234] [--host 0.0.0.0] [--data ./team-data] [--key KEY]
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.TEAM_PORT ?? '1234' },
    host: { type: 'string', default: process.env.TEAM_HOST ?? '0.0.0.0' },
    data: { type: 'string', default: process.env.TEAM_DATA ?? './team-data' },
    key: { type: 'string', default: process.env.TEAM_KEY },
  },
});

const server = await startTeamServer({ port: Number(values.port), host: values.host!, dataDir: values.data!, ...(values.key ? { key: values.key } : {}) });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
}
