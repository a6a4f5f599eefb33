// The baseline for bench:relay: a bare node:http server answering every request with the same
// bytes and headers the relay sends for a cached key (HEADERS: a JSON object of the relay's own
// headers, as captured by the benchmark; Node adds date, connection and keep-alive to both).
// Written the plain way, as before: a fresh headers object for each writeHead. Run as its own process.
import { createServer } from 'node:http';

const body = Buffer.from(process.env.BODY ?? '{}');
const headers = JSON.parse(process.env.HEADERS ?? '{}');
headers['content-length'] = body.length;
createServer((req, res) => {
  res.writeHead(200, { ...headers });
  res.end(body);
}).listen(0, '127.0.0.1', function () {
  process.stdout.write(`${JSON.stringify({ msg: 'relay listening', url: `http://127.0.0.1:${this.address().port}` })}\n`);
});
