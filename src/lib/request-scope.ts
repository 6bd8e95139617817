import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request state reachable without threading it through every call: the id for logs, a SQL statement count, the deadline. */
export interface RequestScope {
  requestId: string;
  statements: number;
  /** Epoch ms after which the request runs no further SQL (REQUEST_TIMEOUT_MS). */
  deadline?: number;
  /** query, mutation or subscription, once Apollo has resolved the operation. */
  operationType?: string;
  /** Whether the document is one of the trusted (persisted) documents (TRUSTED_DOCUMENTS). */
  trustedDocument?: boolean;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
