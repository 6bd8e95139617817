import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import {
  slaPolicies,
  ticketComments,
  ticketEvents,
  ticketLines,
  tickets,
  returnAuthorizations,
  type TicketKind,
  type TicketPriority,
  type TicketStatus,
} from '../modules/tickets/tables.js';
import { DEFAULT_SLA, strictest } from '../modules/tickets/sla.js';

const KINDS: TicketKind[] = ['INSTALLATION', 'REPAIR', 'RETURN', 'EXCHANGE', 'COMPLAINT', 'INQUIRY'];
const PRIORITIES: TicketPriority[] = ['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'];
const STATUSES: TicketStatus[] = [
  'OPEN',
  'IN_PROGRESS',
  'WAITING_CUSTOMER',
  'RESOLVED',
  'CLOSED',
  'OPEN',
  'IN_PROGRESS',
];
const SUBJECTS: Record<TicketKind, string[]> = {
  INSTALLATION: [
    '预约安装 Installation appointment',
    '台下式净水器安装 Under-sink installation',
    '管线机上门安装 Dispenser installation',
  ],
  REPAIR: ['出水变小 Low water flow', '机器漏水 Leaking unit', '显示屏报警 Display shows an error'],
  RETURN: ['型号订错 Wrong model ordered', '包装破损 Damaged packaging'],
  EXCHANGE: ['换成黑色款 Exchange for black', '滤芯型号不符 Wrong filter size'],
  COMPLAINT: ['上门迟到 Technician arrived late', '安装后有异味 Odour after installation'],
  INQUIRY: ['滤芯更换周期 Filter replacement schedule', '发票开具 Invoice question'],
};

/** A small deterministic generator, so the demo is the same every time. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Service tickets for the demo: every distributor gets a queue of tickets of
 * every kind and state from its retailers, some past their SLA, with public
 * replies and internal notes; the brand sets the SLA standard and one
 * distributor a stricter one.
 */
export async function seedTickets(tx: Tx, now: Date = new Date()): Promise<{ tickets: number }> {
  const [brand] = await tx.execute<{ id: number }>(sql`select id from accounts where parent_id is null limit 1`);
  await tx.insert(slaPolicies).values(
    KINDS.flatMap((kind) =>
      (['LOW', 'NORMAL', 'HIGH', 'URGENT'] as TicketPriority[]).map((priority) => ({
        ownerId: brand.id,
        kind,
        priority,
        ...DEFAULT_SLA[priority],
      })),
    ),
  );
  const [shenzhen] = await tx.execute<{ id: number }>(sql`select id from accounts where code = 'QY-D-SZ'`);
  if (shenzhen)
    await tx.insert(slaPolicies).values({
      ownerId: shenzhen.id,
      kind: 'INSTALLATION',
      priority: 'NORMAL',
      firstResponseMinutes: 4 * 60,
      resolveMinutes: 48 * 60,
    });

  // Recent completed orders of retailers: the tickets are about them.
  const candidates = await tx.execute<{
    order_id: number;
    buyer_id: number;
    buyer_path: number[];
    seller_id: number;
    seller_path: number[];
    root_id: number;
    line_id: number;
    variant_id: number;
    sku: string;
    quantity: number;
    buyer_name: string;
    seller_name: string;
  }>(sql`
    select distinct on (o.buyer_id) o.id as order_id, o.buyer_id, o.buyer_path, o.seller_id, s.path as seller_path, o.root_id,
      l.id as line_id, l.variant_id, l.sku, l.quantity, b.name as buyer_name, s.name as seller_name
    from orders o join accounts b on b.id = o.buyer_id join accounts s on s.id = o.seller_id
    join order_lines l on l.order_id = o.id and l.line_no = 1
    where o.status = 'COMPLETED' and b.tier = 'RETAILER'
    order by o.buyer_id, o.created_at desc`);
  // The SLA in force for each (assignee chain, kind, priority), from the policies just written.
  const policies = await tx.select().from(slaPolicies);
  const slaCache = new Map<string, ReturnType<typeof strictest>>();
  const slaFor = (path: number[], kind: TicketKind, priority: TicketPriority) => {
    const key = `${path.join('.')}|${kind}|${priority}`;
    let sla = slaCache.get(key);
    if (!sla)
      slaCache.set(
        key,
        (sla = strictest(
          policies.filter((p) => path.includes(p.ownerId) && p.kind === kind && p.priority === priority),
          path,
          priority,
        )),
      );
    return sla;
  };

  // Rows for every table, written with one statement each.
  const [{ base }] = await tx.execute<{ base: number }>(sql`select coalesce(max(id), 0)::int as base from tickets`);
  const ticketRows: (typeof tickets.$inferInsert)[] = [];
  const lineRows: (typeof ticketLines.$inferInsert)[] = [];
  const commentRows: (typeof ticketComments.$inferInsert)[] = [];
  const eventRows: (typeof ticketEvents.$inferInsert)[] = [];
  const authorizationRows: (typeof returnAuthorizations.$inferInsert)[] = [];
  const notices: { account_id: number; kind: string; title: string; body: string; ticket_id: number; at: string }[] =
    [];
  const random = rng(0x71c4e7);
  let n = 0;
  for (const c of candidates) {
    const count = 2 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      n++;
      const id = base + n;
      const kind = KINDS[(n + i) % KINDS.length];
      const priority = PRIORITIES[Math.floor(random() * PRIORITIES.length)];
      const status = STATUSES[Math.floor(random() * STATUSES.length)];
      const sla = slaFor(c.seller_path, kind, priority);
      const ageHours = Math.floor(random() * 24 * 20);
      const createdAt = new Date(now.getTime() - ageHours * 3600_000);
      const firstResponseDueAt = new Date(createdAt.getTime() + sla.firstResponseMinutes * 60_000);
      const resolveDueAt = new Date(createdAt.getTime() + sla.resolveMinutes * 60_000);
      const open = status !== 'RESOLVED' && status !== 'CLOSED';
      const responded = status !== 'OPEN' || random() < 0.3;
      const firstRespondedAt = responded
        ? new Date(
            createdAt.getTime() +
              Math.min(
                sla.firstResponseMinutes * 60_000 * (0.3 + random()),
                Math.max(1, now.getTime() - createdAt.getTime()) * 0.5,
              ),
          )
        : null;
      const resolvedAt = open
        ? null
        : new Date(
            createdAt.getTime() +
              Math.min(sla.resolveMinutes * 60_000 * (0.2 + random()), (now.getTime() - createdAt.getTime()) * 0.8),
          );
      const breached = open
        ? (!firstRespondedAt && firstResponseDueAt < now) || (status !== 'WAITING_CUSTOMER' && resolveDueAt < now)
        : resolvedAt! > resolveDueAt;
      const withOrder = kind !== 'INQUIRY' || random() < 0.5;
      const subjectList = SUBJECTS[kind];
      const number = `TK-${createdAt.getUTCFullYear()}-D${String(n).padStart(6, '0')}`;
      const subject = subjectList[n % subjectList.length];
      ticketRows.push({
        id,
        number,
        requesterId: c.buyer_id,
        requesterPath: c.buyer_path,
        assigneeId: c.seller_id,
        assigneePath: c.seller_path,
        rootId: c.root_id,
        orderId: withOrder ? c.order_id : null,
        kind,
        status,
        priority,
        subject,
        firstResponseDueAt,
        resolveDueAt,
        firstRespondedAt,
        resolvedAt,
        closedAt: status === 'CLOSED' ? new Date(Math.min(resolvedAt!.getTime() + 3600_000, now.getTime())) : null,
        pausedAt:
          status === 'WAITING_CUSTOMER' ? new Date(Math.max(createdAt.getTime(), now.getTime() - 2 * 3600_000)) : null,
        slaBreached: breached,
        firstResponseBreachedAt: open && !firstRespondedAt && firstResponseDueAt < now ? firstResponseDueAt : null,
        resolutionBreachedAt:
          breached && (!open || (status !== 'WAITING_CUSTOMER' && resolveDueAt < now)) ? resolveDueAt : null,
        rating: status === 'CLOSED' ? 3 + Math.floor(random() * 3) : null,
        createdAt,
        updatedAt: resolvedAt ?? firstRespondedAt ?? createdAt,
      });
      const isReturn = (kind === 'RETURN' || kind === 'EXCHANGE') && withOrder;
      if (isReturn)
        lineRows.push({ ticketId: id, orderLineId: c.line_id, variantId: c.variant_id, sku: c.sku, quantity: 1 });
      commentRows.push({
        ticketId: id,
        authorAccountId: c.buyer_id,
        author: c.buyer_name,
        body: `${subject}。请尽快处理 Please help.`,
        internal: false,
        createdAt,
      });
      if (firstRespondedAt)
        commentRows.push({
          ticketId: id,
          authorAccountId: c.seller_id,
          author: c.seller_name,
          body: '已收到，我们会安排师傅联系您。 Received; a technician will contact you.',
          internal: false,
          createdAt: firstRespondedAt,
        });
      if (random() < 0.4)
        commentRows.push({
          ticketId: id,
          authorAccountId: c.seller_id,
          author: c.seller_name,
          body: '内部备注：客户为重点客户，优先处理。 Internal: key account, prioritise.',
          internal: true,
          createdAt: firstRespondedAt ?? createdAt,
        });
      eventRows.push({ ticketId: id, kind: 'OPENED', status: 'OPEN', actor: c.buyer_name, at: createdAt, note: null });
      if (status !== 'OPEN')
        eventRows.push({
          ticketId: id,
          kind: 'STATUS',
          status,
          actor: c.seller_name,
          at: resolvedAt ?? firstRespondedAt ?? createdAt,
          note: null,
        });
      if (breached)
        eventRows.push({
          ticketId: id,
          kind: 'SLA_BREACHED',
          status: null,
          actor: 'system',
          at: open ? now : resolveDueAt,
          note: "Escalated to the assignee's seller",
        });
      // The service side's feed: new tickets and breaches still unread.
      if (status === 'OPEN')
        notices.push({
          account_id: c.seller_id,
          kind: 'TICKET_OPENED',
          title: `${number} ${kind}: ${subject}`,
          body: `From ${c.buyer_name}`,
          ticket_id: id,
          at: createdAt.toISOString(),
        });
      if (breached && open)
        notices.push({
          account_id: c.seller_id,
          kind: 'SLA_BREACHED',
          title: `${number}: SLA breached`,
          body: subject,
          ticket_id: id,
          at: now.toISOString(),
        });
      if (isReturn && (status === 'IN_PROGRESS' || status === 'RESOLVED' || status === 'CLOSED')) {
        authorizationRows.push({
          number: `RA-${createdAt.getUTCFullYear()}-D${String(n).padStart(6, '0')}`,
          ticketId: id,
          status: 'AUTHORIZED',
          createdAt: firstRespondedAt ?? createdAt,
        });
      }
    }
  }
  if (ticketRows.length) {
    await tx.insert(tickets).values(ticketRows);
    await tx.execute(sql`select setval(pg_get_serial_sequence('tickets', 'id'), ${base + n})`);
  }
  if (lineRows.length) await tx.insert(ticketLines).values(lineRows);
  if (commentRows.length) await tx.insert(ticketComments).values(commentRows);
  if (eventRows.length) await tx.insert(ticketEvents).values(eventRows);
  if (authorizationRows.length) await tx.insert(returnAuthorizations).values(authorizationRows);
  // As notify() does for one notice: every user of the account with the role (SERVICE), and its ADMINs.
  if (notices.length) {
    await tx.execute(sql`
      insert into notifications (user_id, account_id, kind, title, body, ticket_id, created_at)
      select u.id, u.account_id, n.kind, n.title, n.body, n.ticket_id, n.at
      from json_to_recordset(${JSON.stringify(notices)}::json) as n(account_id int, kind text, title text, body text, ticket_id int, at timestamptz)
      join users u on u.account_id = n.account_id and u.roles && array['ADMIN', 'SERVICE']::user_role[]`);
  }
  return { tickets: n };
}
