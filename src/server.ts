import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Logger } from './logger.js';
import type { Tokens } from './auth/tokens.js';
import { resolveViewer } from './auth/viewer.js';
import type { Context } from './graphql/context.js';
import { createLoaders } from './graphql/loaders.js';
import { catalogScope } from './modules/catalog/scope.js';
import { supplyChain } from './modules/inventory/service.js';
import { makeFormatError } from './graphql/format-error.js';
import { buildExecutableSchema } from './graphql/schema.js';
import { requestScope, type RequestScope } from './lib/request-scope.js';
import { graphiqlPage } from './http/graphiql.js';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface App {
  server: Server;
  listen: (port: number, host?: string) => Promise<number>;
  /** Stops taking requests, lets running ones finish, then stops Apollo. */
  close: () => Promise<void>;
}

class HttpError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** `clock` lets tests move time (SLA, statements, rebates); the server uses the real one. */
export async function createApp(deps: { config: Config; log: Logger; database: Database; tokens: Tokens; clock?: () => Date }): Promise<App> {
  const { config, log, database, tokens } = deps;
  const clock = deps.clock ?? (() => new Date());
  const apollo = new ApolloServer<Context>({
    schema: buildExecutableSchema(),
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(log, config.production),
    hideSchemaDetailsFromClientErrors: config.production,
    // main.ts owns the shutdown order; Apollo would otherwise stop itself and re-send the signal.
    stopOnTerminationSignals: false,
    // The schema declares no cache hints, so the default cache-control plugin could only ever answer
    // `no-store`, and it wraps every field resolver to work that out: the header is set below instead.
    plugins: [ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  async function graphql(req: IncomingMessage, res: ServerResponse, scope: RequestScope, url: URL): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const raw = await readBody(req);
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json')) {
        try {
          body = raw ? JSON.parse(raw) : {};
        } catch {
          throw new HttpError(400, 'The request body is not valid JSON');
        }
      } else {
        body = raw;
      }
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        const { viewer, authError } = await resolveViewer(database.db, tokens, headers.get('authorization'));
        const at = clock();
        const ctx = {
          requestId: scope.requestId,
          log: log.child({ requestId: scope.requestId }),
          db: database.db,
          config,
          tokens,
          viewer,
          authError,
          now: () => at,
        } as Context;
        let supply: ReturnType<typeof supplyChain> | null = null;
        ctx.loaders = createLoaders({
          db: database.db,
          viewer: () => ctx.viewer,
          at,
          catalogScope: () => catalogScope(ctx),
          supplyChain: () => (supply ??= supplyChain(ctx)),
        });
        return ctx;
      },
    });
    res.setHeader('cache-control', 'no-store');
    for (const [key, value] of result.headers) res.setHeader(key, value);
    // Opt-in: how many SQL statements this request ran (tests and the bench read it).
    if (config.sqlCountHeader) res.setHeader('x-sql-statements', String(scope.statements));
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  async function graphiql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = await graphiqlPage();
    if (req.headers['if-none-match'] === page.etag) {
      res.writeHead(304, { etag: page.etag });
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      etag: page.etag,
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gzip ? page.gzipped : page.html);
  }

  async function healthz(res: ServerResponse): Promise<void> {
    try {
      await database.db.execute(sql`select 1`);
      sendJson(res, 200, { status: 'ok', database: 'ok' });
    } catch (e) {
      log.error({ err: e }, 'health check failed');
      sendJson(res, 503, { status: 'unavailable', database: 'unreachable' });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const scope: RequestScope = { requestId, statements: 0 };
    await requestScope.run(scope, async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === '/graphql' && (req.method === 'POST' || req.method === 'GET')) await graphql(req, res, scope, url);
        else if (url.pathname === '/graphiql' && req.method === 'GET') await graphiql(req, res);
        else if (url.pathname === '/healthz' && req.method === 'GET') await healthz(res);
        else if (url.pathname === '/' && req.method === 'GET') {
          res.writeHead(302, { location: '/graphiql' });
          res.end();
        } else sendJson(res, 404, { error: 'Not found' });
      } catch (e) {
        if (e instanceof HttpError) {
          if (!res.headersSent) sendJson(res, e.status, { errors: [{ message: e.message, extensions: { code: 'BAD_REQUEST' } }] });
        } else {
          log.error({ err: e, requestId }, 'request failed');
          if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
          else res.end();
        }
      }
    });
  }

  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 5000;

  return {
    server,
    listen: (port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
