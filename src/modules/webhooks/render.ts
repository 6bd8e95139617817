import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../logger.js';
import type { Tokens } from '../../auth/tokens.js';
import type { Viewer } from '../../auth/viewer.js';
import { buildExecutableSchema } from '../../graphql/schema.js';
import { createContext } from '../../graphql/request-context.js';
import type { AccountRow } from '../accounts/tables.js';
import type { UserRow } from '../users/tables.js';
import type { WebhookEvent } from './events.js';
import { OPERATIONS, type Subject } from './operations.js';

/**
 * Renders an event's `data` as an endpoint's account reads it through the
 * graph: the event's fixed operation (./operations.ts) runs against the same
 * executable schema (shield rules, scoped services) as a viewer of that
 * account with the ADMIN role. Endpoints are made and managed by ADMINs only,
 * so the payload holds exactly what an ADMIN of the account could query
 * itself, and nothing beyond: no sibling's orders (V1), no contact or street
 * of a customer further down than its direct buyers (V4), credit only as
 * ADMIN sees it (V5), no internal ticket note (V7, never selected).
 * Null: the subject is not visible to that account (nothing is sent).
 */
export interface Renderer {
  render(account: AccountRow, event: WebhookEvent, at: Date): Promise<unknown | null>;
}

let schema: GraphQLSchema | null = null;
const documents = new Map<Subject, DocumentNode>();

const noTokens: Tokens = {
  issue: () => Promise.reject(new Error('webhook rendering issues no tokens')),
  verify: () => Promise.resolve({ error: 'invalid' as const }),
};

/** The viewer a payload is rendered as: the endpoint's account, ADMIN, acting for no person. */
export function renderViewer(account: AccountRow): Viewer {
  const user = {
    id: 0,
    accountId: account.id,
    email: 'webhooks@channelgraph.invalid',
    name: 'Webhooks',
    passwordHash: '',
    roles: ['ADMIN'],
    createdAt: account.createdAt,
  } as unknown as UserRow;
  return {
    user,
    account,
    userId: 0,
    accountId: account.id,
    accountPath: account.path,
    tier: account.tier,
    roles: ['ADMIN'],
    apiKey: null,
    apiKeyId: null,
  };
}

type Json = Record<string, any>;

/** From the operation's answer to `data`; null when the account may not see the subject. */
function shape(subject: Subject, d: Json, vars: Record<string, string>): unknown | null {
  switch (subject) {
    case 'Order':
      return d.order ?? null;
    case 'Ticket':
      return d.ticket ?? null;
    case 'Account':
      return d.account ?? null;
    case 'Statement':
      return d.statement ? { ...d.statement, buyer: d.buyer } : null;
    case 'Payment': {
      if (!d.buyer) return null;
      const { ledger, ...buyer } = d.buyer;
      return { entry: ledger?.nodes.find((n: Json) => n.id === vars.entryId) ?? null, buyer };
    }
    case 'Stock': {
      if (!d.warehouse || !d.variant) return null;
      const { stockLevels, ...variant } = d.variant;
      const level = stockLevels.find((l: Json) => l.warehouse.id === vars.warehouseId);
      return level
        ? {
            warehouse: d.warehouse,
            variant,
            onHand: level.onHand,
            reserved: level.reserved,
            available: level.available,
          }
        : null;
    }
  }
}

export function createRenderer(deps: { db: Db; config: Config; log: Logger }): Renderer {
  return {
    async render(account, event, at) {
      schema ??= buildExecutableSchema();
      let document = documents.get(event.subject);
      if (!document) documents.set(event.subject, (document = parse(OPERATIONS[event.subject])));
      const contextValue = createContext({
        requestId: `webhook-render-${event.type.toLowerCase()}`,
        log: deps.log,
        db: deps.db,
        config: deps.config,
        tokens: noTokens,
        viewer: renderViewer(account),
        authError: null,
        clientAddress: '',
        at,
      });
      const result = await execute({ schema, document, contextValue, variableValues: event.variables });
      // A field the account may not read is null, as any client would see it; anything else is a failure to retry.
      const unexpected = (result.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN');
      if (unexpected.length)
        throw new Error(`rendering ${event.subject} failed: ${unexpected.map((e) => e.message).join('; ')}`);
      return result.data ? shape(event.subject, result.data, event.variables) : null;
    },
  };
}
