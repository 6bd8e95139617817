import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { TrustedDocumentsMode } from '../../config.js';
import type { Context } from '../context.js';
import { apiKeyIdOf } from '../../auth/credential.js';
import { requestScope } from '../../lib/request-scope.js';

/**
 * Trusted documents (DESIGN.md "Limits and cost"): the operations the portal
 * was built with, persisted by hash in the codegen manifest
 * (portal/src/gql/persisted-documents.json, `{ "<sha256>": "<document>" }`).
 * A client sends `{ documentId, variables }` and the server runs the
 * document it already knows; Apollo-style `extensions.persistedQuery.sha256Hash`
 * finds the same documents.
 */
export interface TrustedDocuments {
  mode: TrustedDocumentsMode;
  /** The document of an id, or undefined. */
  byId(id: string): string | undefined;
  /** Whether this exact text is one of them. */
  isTrusted(text: string): boolean;
  size: number;
}

/** Ids as the client preset writes them: the sha256 in hex, with or without a `sha256:` prefix. */
const normalId = (id: string) => id.replace(/^sha256:/, '').toLowerCase();

export function loadTrustedDocuments(mode: TrustedDocumentsMode, manifestPath: string): TrustedDocuments {
  const byId = new Map<string, string>();
  if (mode !== 'off') {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
    for (const [id, text] of Object.entries(manifest)) byId.set(normalId(id), text);
  }
  const texts = new Set(byId.values());
  return { mode, byId: (id) => byId.get(normalId(id)), isTrusted: (text) => texts.has(text), size: byId.size };
}

/** A request the server cannot take as sent: answered before Apollo sees it. */
export class DocumentRequestError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

type Body = Record<string, unknown> & {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
};

/**
 * Puts the document of `documentId` (or of a persisted-query hash the
 * manifest has) into the request as its `query`, and notes in the request's
 * scope whether what will run is a trusted document. An id the manifest does
 * not have is PERSISTED_QUERY_NOT_FOUND when it comes alone (a client then
 * sends the text beside it, which runs as any other document would).
 */
export function resolveDocument(trusted: TrustedDocuments, body: Body): void {
  if (trusted.mode === 'off') return;
  const hash = body.extensions?.persistedQuery?.sha256Hash;
  const id =
    typeof body.documentId === 'string'
      ? body.documentId
      : typeof hash === 'string' && trusted.byId(hash)
        ? hash
        : null;
  if (id !== null) {
    const text = trusted.byId(id);
    if (text === undefined && body.query === undefined)
      throw new DocumentRequestError(
        400,
        'PERSISTED_QUERY_NOT_FOUND',
        `No trusted document has the id ${id.slice(0, 80)}: send the document's text`,
      );
    // The manifest's text runs, whatever text came beside the id (the client preset's is formatted, the manifest's minified).
    // An id this server does not know, sent with its text (a client built from a newer manifest): the text runs, as any document.
    if (text !== undefined) body.query = text;
    delete body.documentId;
    // Found in the manifest: Apollo's own persisted-query check (sha256 of the text as sent) has nothing left to verify.
    if (text !== undefined && body.extensions?.persistedQuery) delete body.extensions.persistedQuery;
  }
  const scope = requestScope.getStore();
  if (scope) scope.trustedDocument = typeof body.query === 'string' && trusted.isTrusted(body.query);
}

/**
 * TRUSTED_DOCUMENTS=only: signed-in users and anonymous clients may run only
 * trusted documents (the portal's); an API key may send its own, within the
 * limits and its bucket. Refused before anything of the operation runs.
 */
export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      if (trusted.mode !== 'only') return;
      return {
        async didResolveOperation({ contextValue }) {
          if (requestScope.getStore()?.trustedDocument) return;
          if (apiKeyIdOf(contextValue.viewer) !== null) return;
          throw new GraphQLError(
            'This server runs only trusted documents (the portal’s operations, sent by documentId) for sign-in tokens and anonymous clients; use an API key to send your own',
            {
              extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED', http: { status: 400 } },
            },
          );
        },
      };
    },
  };
}
