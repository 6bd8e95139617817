import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

export interface StaticPage {
  html: Buffer;
  gzipped: Buffer;
  etag: string;
}

let page: StaticPage | null = null;

/** GraphiQL with every asset inlined (no CDN), rendered once and kept gzipped. */
export function graphiqlPage(): StaticPage {
  if (!page) {
    const html = Buffer.from(
      renderGraphiQL({
        endpoint: '/graphql',
        title: 'channelgraph GraphiQL',
        defaultQuery: '# Sign in with the login mutation, then add the header\n# {"Authorization": "Bearer <token>"}\nmutation {\n  login(input: { email: "admin@qingyuan.example", password: "channel-demo-2026" }) {\n    token\n    userErrors { code message }\n  }\n}\n',
        headerEditorEnabled: true,
        shouldPersistHeaders: true,
      } as Parameters<typeof renderGraphiQL>[0]),
    );
    page = { html, gzipped: gzipSync(html, { level: 9 }), etag: `"${createHash('sha1').update(html).digest('base64url')}"` };
  }
  return page;
}
