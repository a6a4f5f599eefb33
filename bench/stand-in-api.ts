// Starts the stand-in menu API for trying the tool by hand:
//   npx tsx bench/stand-in-api.ts [--old] [--latency 300] [--port 8080]
import { parseArgs } from 'node:util';
import { startMenuApi } from '../test/helpers/menu-api.js';

const { values } = parseArgs({ options: { old: { type: 'boolean' }, latency: { type: 'string' }, port: { type: 'string' } } });
const api = await startMenuApi({ variant: values.old ? 'old' : 'new', latencyMs: Number(values.latency ?? 0), port: Number(values.port ?? 0) });
process.stdout.write(`stand-in menu API at ${api.url}  (try: npx restaurant-menu --api ${api.url} bikupan)\n`);
