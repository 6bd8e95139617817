import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';

/**
 * A request body over the 10 MiB limit is answered 413, as the README's
 * Security table says, however much more the client is still sending: the
 * server stops keeping the body, answers, and closes the connection once the
 * client is done, instead of resetting it mid-upload (which a client sees as
 * ECONNRESET, never the answer; the fuzz test's giant lists found it).
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('a request body over the limit', () => {
  // 64 MiB is well past what the server keeps, and failed with ECONNRESET before the fix; 300 MiB in the same
  // process as the server measured the machine's memory and load more than the server.
  for (const mb of [11, 64]) {
    it(`of ${mb} MiB is answered 413 BAD_REQUEST, and the server serves the next request`, async () => {
      const body = JSON.stringify({
        query: '{ viewer { account { id } } }',
        variables: { pad: 'x'.repeat(mb * 1024 * 1024) },
      });
      const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({
        errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }],
      });
      const next = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(next.status).toBe(200);
    }, 60_000);
  }
});
