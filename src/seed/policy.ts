import type { Config } from '../config.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { ActionableError } from '../lifecycle.js';

export interface SeedPlan {
  /** Whether the demo channel is seeded besides the brand and its first admin. */
  demo: boolean;
  /** Said loudly when the demo goes into a production database. */
  warning: string | null;
}

/**
 * What an empty database gets. In production the demo (whose passwords are
 * published in the README) only when SEED_DEMO=true, and the first admin only
 * with a password of the operator's own (ADMIN_PASSWORD).
 */
export function seedPlan(
  config: Pick<Config, 'production' | 'seedDemo' | 'adminPasswordSet' | 'adminPassword'>,
): SeedPlan {
  if (!config.production) return { demo: config.seedDemo !== false, warning: null };
  if (!config.adminPasswordSet || config.adminPassword === DEMO_PASSWORD) {
    throw new ActionableError(
      "NODE_ENV=production on an empty database: set ADMIN_PASSWORD (not the demo password) for the brand's first admin",
    );
  }
  if (config.seedDemo !== true) return { demo: false, warning: null };
  return {
    demo: true,
    warning: `SEED_DEMO=true in production: the demo users' password "${DEMO_PASSWORD}" is published in the README. Anyone can sign in as them. Do not keep this database.`,
  };
}
