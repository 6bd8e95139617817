import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request state reachable without threading it through every call: the id for logs, and a SQL statement count. */
export interface RequestScope {
  requestId: string;
  statements: number;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
