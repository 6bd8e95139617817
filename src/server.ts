import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import { connect, servingPool, type Database } from './db/client.js';
import type { Logger } from './logger.js';
import type { Tokens } from './auth/tokens.js';
import { resolveViewer } from './auth/viewer.js';
import { refusedTokenPlugin } from './auth/refused-token.js';
import type { Context } from './graphql/context.js';
import { createContext } from './graphql/request-context.js';
import { makeFormatError } from './graphql/format-error.js';
import { buildExecutableSchema } from './graphql/schema.js';
import { requestScope, type RequestScope } from './lib/request-scope.js';
import { graphiqlPage } from './http/graphiql.js';
import { createPortalHandler } from './http/portal.js';
import { portalExists, rootPortalSlug } from './modules/accounts/portals.js';
import { limitRules, limitsPlugin } from './graphql/limits/plugin.js';
import { apiHeaders, graphiqlCsp } from './http/security-headers.js';
import { clientAddress } from './http/client-address.js';
import { serveAsset } from './http/assets.js';
import { createThrottle } from './modules/throttle/service.js';
import {
  DocumentRequestError,
  loadTrustedDocuments,
  resolveDocument,
  trustedDocumentsPlugin,
} from './graphql/limits/trusted.js';
import { cors } from './http/cors.js';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface App {
  server: Server;
  listen: (port: number, host?: string) => Promise<number>;
  /** Stops taking requests, lets running ones finish, then stops Apollo. */
  close: () => Promise<void>;
}

class HttpError extends Error {
  constructor(
    public status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Past the limit the rest is read and dropped: breaking off would reset the connection mid-upload, and the
    // client would see ECONNRESET instead of the 413. A client that never stops is cut off by the request timeout.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
  return Buffer.concat(chunks).toString('utf8');
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

/** A browser opening the URL (it asks for HTML first), not a GraphQL client. */
const wantsPage = (req: IncomingMessage) => /\btext\/html\b/.test(String(req.headers.accept ?? ''));

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** `clock` lets tests move time (SLA, statements, rebates); the server uses the real one. */
export async function createApp(deps: {
  config: Config;
  log: Logger;
  database: Database;
  tokens: Tokens;
  clock?: () => Date;
}): Promise<App> {
  const { config, log, database, tokens } = deps;
  const clock = deps.clock ?? (() => new Date());
  const throttle = createThrottle(database.sql, config.throttle, log);
  const trusted = loadTrustedDocuments(config.trustedDocuments, config.trustedDocumentsManifest);
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
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      refusedTokenPlugin(),
      trustedDocumentsPlugin(trusted),
      limitsPlugin(config.limits, throttle),
    ],
    // Limits before execution (README "Security"): the parser stops at maxTokens, then depth, aliases and directives.
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: limitRules(config.limits),
  });
  await apollo.start();

  // /healthz answers on a connection of its own, so a saturated serving pool cannot take it down.
  const health = connect(database.url, {
    max: 1,
    statementTimeoutMs: 2000,
    connectTimeoutSeconds: 2,
    prepare: config.databasePrepare,
  });
  // Reports and exports read from a replica when DATABASE_READ_URL names one (README "Scaling"), else from the primary.
  const reports = config.databaseReadUrl
    ? connect(config.databaseReadUrl, { ...servingPool(config), name: 'channelgraph-reports' })
    : null;

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
    let search = url.search;
    try {
      if (body && typeof body === 'object' && !Array.isArray(body))
        resolveDocument(trusted, body as Record<string, unknown>);
      else if (req.method === 'GET') search = resolvedSearch(url.searchParams);
    } catch (e) {
      if (!(e instanceof DocumentRequestError)) throw e;
      return sendJson(res, e.status, { errors: [{ message: e.message, extensions: { code: e.code } }] });
    }
    scope.deadline = Date.now() + config.timeouts.requestMs;
    const running = apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: async () => {
        const at = clock();
        const { viewer, authError } = await resolveViewer(database.db, tokens, headers.get('authorization'), at);
        return createContext({
          requestId: scope.requestId,
          log,
          db: database.db,
          reportDb: reports?.db ?? database.db,
          config,
          tokens,
          viewer,
          authError,
          clientAddress: clientAddress(req, config.trustProxy),
          at,
        });
      },
    });
    // Past the deadline the request answers TIMEOUT at once; what still runs issues no further SQL.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), config.timeouts.requestMs)),
    );
    const result = await Promise.race([running, late]).finally(() => clearTimeout(timer));
    if (result === 'late') {
      running.catch((e) => log.error({ err: e, requestId: scope.requestId }, 'request failed after its deadline'));
      log.warn({ requestId: scope.requestId, ms: config.timeouts.requestMs }, 'request ran past its deadline');
      sendJson(res, 503, {
        errors: [
          {
            message: `The request took longer than ${config.timeouts.requestMs} ms`,
            extensions: { code: 'TIMEOUT', requestId: scope.requestId },
          },
        ],
      });
      return;
    }
    res.setHeader('cache-control', 'no-store');
    for (const [key, value] of result.headers) res.setHeader(key, value);
    // Opt-in: how many SQL statements this request ran (tests and the bench read it).
    if (config.sqlCountHeader) res.setHeader('x-sql-statements', String(scope.statements));
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      // A query's answer is capped; a mutation's is sent whatever its size, since it reports what was written.
      if (scope.operationType === 'query' && Buffer.byteLength(result.body.string) > config.limits.maxResponseBytes) {
        res.statusCode = 400;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(
          JSON.stringify({
            errors: [
              {
                message: `The answer is larger than ${config.limits.maxResponseBytes} bytes: ask for fewer items or fields`,
                extensions: { code: 'RESPONSE_TOO_LARGE' },
              },
            ],
          }),
        );
        return;
      }
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  async function graphiql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = await graphiqlPage(!config.production);
    if (req.headers['if-none-match'] === page.etag) {
      res.writeHead(304, { etag: page.etag });
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': graphiqlCsp(page.html),
      'cache-control': 'public, max-age=3600',
      etag: page.etag,
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gzip ? page.gzipped : page.html);
  }

  /** A GET with `documentId` (and no `query`) asks for that trusted document. */
  function resolvedSearch(params: URLSearchParams): string {
    const request: Record<string, unknown> = {
      query: params.get('query') ?? undefined,
      documentId: params.get('documentId') ?? undefined,
    };
    resolveDocument(trusted, request);
    if (typeof request.query === 'string') params.set('query', request.query);
    params.delete('documentId');
    return `?${params}`;
  }

  const portal = createPortalHandler({ dir: config.portalDir, slugExists: (slug) => portalExists(database.db, slug) });

  /** `/` opens the brand's portal (whose sign-in leads each user to their own); GraphiQL (when enabled) when there is none. */
  async function home(res: ServerResponse): Promise<void> {
    const slug = await rootPortalSlug(database.db);
    if (!slug && !config.introspection) return sendJson(res, 404, { error: 'Not found' });
    res.writeHead(302, { location: slug ? `/p/${slug}/` : '/graphiql', 'cache-control': 'no-store' });
    res.end();
  }

  async function healthz(res: ServerResponse): Promise<void> {
    try {
      await health.db.execute(sql`select 1`);
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
    for (const [key, value] of Object.entries(apiHeaders)) res.setHeader(key, value);
    const scope: RequestScope = { requestId, statements: 0 };
    await requestScope.run(scope, async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        // CORS_ORIGINS may call the graph from a browser; a preflight is answered here.
        if (url.pathname === '/graphql' && cors(req, res, config.corsOrigins)) return;
        // GraphiQL is only useful with introspection: one setting (INTROSPECTION) turns both on or off.
        if (url.pathname === '/graphql' && req.method === 'GET' && wantsPage(req) && config.introspection)
          redirect(res, `/graphiql${url.search}`);
        else if (url.pathname === '/graphql' && (req.method === 'POST' || req.method === 'GET'))
          await graphql(req, res, scope, url);
        else if (url.pathname === '/graphiql' && req.method === 'GET' && config.introspection) await graphiql(req, res);
        else if (url.pathname === '/healthz' && req.method === 'GET') await healthz(res);
        else if (
          url.pathname.startsWith('/assets/') &&
          (req.method === 'GET' || req.method === 'HEAD') &&
          (await serveAsset(req, res, url.pathname))
        )
          return;
        else if (url.pathname === '/p' || url.pathname.startsWith('/p/')) await portal(req, res, url);
        else if (url.pathname === '/' && req.method === 'GET') await home(res);
        else sendJson(res, 404, { error: 'Not found' });
      } catch (e) {
        if (e instanceof HttpError) {
          if (!res.headersSent)
            sendJson(res, e.status, { errors: [{ message: e.message, extensions: { code: 'BAD_REQUEST' } }] });
        } else {
          log.error({ err: e, requestId }, 'request failed');
          if (!res.headersSent)
            sendJson(res, 500, {
              errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
            });
          else res.end();
        }
      }
    });
  }

  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 5000;
  // A client that trickles its request in is cut off: headers within 10 s, the whole request within the deadline.
  server.headersTimeout = Math.min(10_000, config.timeouts.requestMs);
  server.requestTimeout = config.timeouts.requestMs;

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
      await throttle.close();
      await health.close();
      await reports?.close();
    },
  };
}
