// The baseline for bench:relay: a bare node:http server answering every request with the same
// bytes and headers the relay sends for a cached key. Run as its own process.
import { createServer } from 'node:http';

const body = Buffer.from(process.env.BODY ?? '{}');
createServer((req, res) => {
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': body.length,
    'x-content-type-options': 'nosniff',
    'x-cache': 'HIT',
    age: 0,
    'cache-control': 'max-age=10',
  });
  res.end(body);
}).listen(0, '127.0.0.1', function () {
  process.stdout.write(`${JSON.stringify({ msg: 'relay listening', url: `http://127.0.0.1:${this.address().port}` })}\n`);
});
