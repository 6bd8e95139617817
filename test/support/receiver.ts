import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

/** One request a receiver got, and which of the secrets it was given verify it (with the library's own verifier). */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; timestamp: string; data: any };
  verifiedWith: string[];
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** Never answer (the sender's timeout, or a crash, ends it). */
  hang?: boolean;
}

/**
 * A webhook receiver on 127.0.0.1, as a distributor's IT team would run one:
 * it verifies every request's signature with `standardwebhooks` against the
 * secrets it was told for that path, records it, and answers as scripted
 * (else as `decide` says, else 200).
 */
export async function startReceiver(options: { decide?: (r: Received) => Answer | undefined } = {}) {
  const got: Received[] = [];
  const scripts = new Map<string, Answer[]>();
  const secrets = new Map<string, string[]>();
  const hanging: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const verifiedWith = (secrets.get(path) ?? []).filter((s) => {
        try {
          new Webhook(s).verify(body, req.headers as Record<string, string>);
          return true;
        } catch {
          return false;
        }
      });
      let json: Received['json'];
      try {
        json = JSON.parse(body);
      } catch {
        json = { id: '', type: '', timestamp: '', data: null };
      }
      got.push({ path, headers: req.headers, body, json, verifiedWith });
      const answer = scripts.get(path)?.shift() ?? options.decide?.(got[got.length - 1]) ?? { status: 200 };
      if (answer.hang) {
        hanging.push(() => res.destroy());
        return;
      }
      res.writeHead(answer.status, answer.headers);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    got,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    /** Answers for the next requests to `path`, in order. */
    answer: (path: string, ...answers: Answer[]) => void scripts.set(path, [...(scripts.get(path) ?? []), ...answers]),
    secrets: (path: string, ...list: string[]) => void secrets.set(path, list),
    at: (path: string) => got.filter((r) => r.path === path),
    async waitFor(path: string, n: number, ms = 20_000): Promise<Received[]> {
      const until = Date.now() + ms;
      while (got.filter((r) => r.path === path).length < n) {
        if (Date.now() > until)
          throw new Error(`expected ${n} requests at ${path}, got ${got.filter((r) => r.path === path).length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return got.filter((r) => r.path === path);
    },
    close: () => {
      hanging.forEach((h) => h());
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
