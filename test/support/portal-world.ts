import 'reflect-metadata';
import { seed } from '../../src/seed/demo.js';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.js';
import { startTestApp, type TestApp } from './app.js';

export { DEMO_PASSWORD };

export interface PortalWorld {
  app: TestApp;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Whether the server serves the demo's /assets (logos, product images). */
  assetsServed: boolean;
}

/**
 * A real server on the real demo channel (the same seed `npm start` uses,
 * with a shorter order history so it seeds in seconds).
 */
export async function startPortalWorld(orders = 300): Promise<PortalWorld> {
  const app = await startTestApp();
  await seed(app.database.db, {
    adminEmail: 'admin@qingyuan.example',
    adminPassword: DEMO_PASSWORD,
    scryptLogN: 10,
    demo: true,
    orders,
  });
  const origin = app.url.replace(/\/graphql$/, '');
  const probe = await fetch(`${origin}/assets/logos/shenzhen.svg`);
  const assetsServed = probe.ok;
  if (!assetsServed)
    console.warn(
      '\n*** The server serves no /assets yet (demo logos and product images, issue 10): their 404s are not counted as page errors until it does. ***\n',
    );
  return { app, origin, assetsServed };
}
