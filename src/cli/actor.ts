import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { checkKey } from '../auth/api-keys.js';
import { admitViewer, type Viewer } from '../auth/viewer.js';
import { accounts } from '../modules/accounts/tables.js';
import { users } from '../modules/users/tables.js';

/**
 * Who the CLI acts as (import and export go through the same rules as the
 * graph, as this viewer): an API key in CHANNELGRAPH_API_KEY (refused when
 * revoked or expired, like over HTTP), or `--as <email>`, a user of the
 * deployment; the CLI runs beside the database, so whoever runs it can
 * reach the data anyway, and `--as` only picks whose rules apply.
 */
export async function cliViewer(db: Db, options: { as?: string; apiKey?: string }): Promise<Viewer> {
  if (options.apiKey) {
    const checked = await checkKey(db, options.apiKey, new Date());
    if (!checked.ok) throw new Error(`CHANNELGRAPH_API_KEY is not valid (${checked.reason})`);
    const { viewer, authError } = admitViewer(checked.user, checked.account, checked.key);
    if (!viewer) throw new Error(authError?.message ?? 'the API key is refused');
    return viewer;
  }
  if (!options.as) throw new Error('say who acts: CHANNELGRAPH_API_KEY=cg_live_… or --as <email>');
  const [row] = await db
    .select({ user: users, account: accounts })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.email, options.as.trim().toLowerCase()));
  if (!row) throw new Error(`no user ${options.as}`);
  const { viewer, authError } = admitViewer(row.user, row.account, null);
  if (!viewer) throw new Error(authError?.message ?? `${options.as} is refused`);
  return viewer;
}
