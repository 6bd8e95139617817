// A webhook receiver for channelgraph events: verifies the Standard Webhooks signature,
// ignores repeats (events are delivered at least once), answers 2xx fast.
// npm install standardwebhooks && WEBHOOK_SECRET=whsec_... node webhook-receiver.mjs
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const hook = new Webhook(process.env.WEBHOOK_SECRET);
const seen = new Set(); // use your database in production: webhook-id is the key

createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    let event;
    try {
      event = hook.verify(body, req.headers); // throws on a bad signature or a stale timestamp
    } catch {
      return res.writeHead(400).end('bad signature');
    }
    if (!seen.has(event.id)) {
      seen.add(event.id);
      console.log(event.type, event.data.number ?? event.data.id ?? ''); // e.g. order.submitted SO-2026-0020001
    }
    res.writeHead(204).end();
  });
}).listen(Number(process.env.PORT ?? 8080));
