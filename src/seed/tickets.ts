import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { slaPolicies, ticketComments, ticketEvents, ticketLines, tickets, returnAuthorizations, type TicketKind, type TicketPriority, type TicketStatus } from '../modules/service/tables.js';
import { DEFAULT_SLA, effectiveSla } from '../modules/service/sla.js';
import { notify } from '../modules/notifications/service.js';

const KINDS: TicketKind[] = ['INSTALLATION', 'REPAIR', 'RETURN', 'EXCHANGE', 'COMPLAINT', 'INQUIRY'];
const PRIORITIES: TicketPriority[] = ['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'];
const STATUSES: TicketStatus[] = ['OPEN', 'IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED', 'CLOSED', 'OPEN', 'IN_PROGRESS'];
const SUBJECTS: Record<TicketKind, string[]> = {
  INSTALLATION: ['预约安装 Installation appointment', '台下式净水器安装 Under-sink installation', '管线机上门安装 Dispenser installation'],
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
      (['LOW', 'NORMAL', 'HIGH', 'URGENT'] as TicketPriority[]).map((priority) => ({ ownerId: brand.id, kind, priority, ...DEFAULT_SLA[priority] })),
    ),
  );
  const [shenzhen] = await tx.execute<{ id: number }>(sql`select id from accounts where code = 'QY-D-SZ'`);
  if (shenzhen) await tx.insert(slaPolicies).values({ ownerId: shenzhen.id, kind: 'INSTALLATION', priority: 'NORMAL', firstResponseMinutes: 4 * 60, resolveMinutes: 48 * 60 });

  // Recent completed orders of retailers: the tickets are about them.
  const candidates = await tx.execute<{ order_id: number; buyer_id: number; buyer_path: number[]; seller_id: number; seller_path: number[]; root_id: number; line_id: number; variant_id: number; sku: string; quantity: number; buyer_name: string; seller_name: string }>(sql`
    select distinct on (o.buyer_id) o.id as order_id, o.buyer_id, o.buyer_path, o.seller_id, s.path as seller_path, o.root_id,
      l.id as line_id, l.variant_id, l.sku, l.quantity, b.name as buyer_name, s.name as seller_name
    from orders o join accounts b on b.id = o.buyer_id join accounts s on s.id = o.seller_id
    join order_lines l on l.order_id = o.id and l.line_no = 1
    where o.status = 'COMPLETED' and b.tier = 'RETAILER'
    order by o.buyer_id, o.created_at desc`);
  const random = rng(0x71c4e7);
  let n = 0;
  for (const c of candidates) {
    const count = 2 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      n++;
      const kind = KINDS[(n + i) % KINDS.length];
      const priority = PRIORITIES[Math.floor(random() * PRIORITIES.length)];
      const status = STATUSES[Math.floor(random() * STATUSES.length)];
      const sla = await effectiveSla(tx, c.seller_path, kind, priority);
      const ageHours = Math.floor(random() * 24 * 20);
      const createdAt = new Date(now.getTime() - ageHours * 3600_000);
      const firstResponseDueAt = new Date(createdAt.getTime() + sla.firstResponseMinutes * 60_000);
      const resolveDueAt = new Date(createdAt.getTime() + sla.resolveMinutes * 60_000);
      const open = status !== 'RESOLVED' && status !== 'CLOSED';
      const responded = status !== 'OPEN' || random() < 0.3;
      const firstRespondedAt = responded ? new Date(createdAt.getTime() + Math.min(sla.firstResponseMinutes * 60_000 * (0.3 + random()), Math.max(1, now.getTime() - createdAt.getTime()) * 0.5)) : null;
      const resolvedAt = open ? null : new Date(createdAt.getTime() + Math.min(sla.resolveMinutes * 60_000 * (0.2 + random()), (now.getTime() - createdAt.getTime()) * 0.8));
      const breached = open ? (!firstRespondedAt && firstResponseDueAt < now) || (status !== 'WAITING_CUSTOMER' && resolveDueAt < now) : resolvedAt! > resolveDueAt;
      const withOrder = kind !== 'INQUIRY' || random() < 0.5;
      const subjectList = SUBJECTS[kind];
      const [t] = await tx
        .insert(tickets)
        .values({
          number: `TK-${createdAt.getUTCFullYear()}-D${String(n).padStart(6, '0')}`,
          requesterId: c.buyer_id,
          requesterPath: c.buyer_path,
          assigneeId: c.seller_id,
          assigneePath: c.seller_path,
          rootId: c.root_id,
          orderId: withOrder ? c.order_id : null,
          kind,
          status,
          priority,
          subject: subjectList[n % subjectList.length],
          firstResponseDueAt,
          resolveDueAt,
          firstRespondedAt,
          resolvedAt,
          closedAt: status === 'CLOSED' ? new Date(Math.min(resolvedAt!.getTime() + 3600_000, now.getTime())) : null,
          pausedAt: status === 'WAITING_CUSTOMER' ? new Date(Math.max(createdAt.getTime(), now.getTime() - 2 * 3600_000)) : null,
          slaBreached: breached,
          firstResponseBreachedAt: open && !firstRespondedAt && firstResponseDueAt < now ? firstResponseDueAt : null,
          resolutionBreachedAt: breached && (!open || (status !== 'WAITING_CUSTOMER' && resolveDueAt < now)) ? (open ? resolveDueAt : resolveDueAt) : null,
          rating: status === 'CLOSED' ? 3 + Math.floor(random() * 3) : null,
          createdAt,
          updatedAt: resolvedAt ?? firstRespondedAt ?? createdAt,
        })
        .returning();
      const isReturn = (kind === 'RETURN' || kind === 'EXCHANGE') && withOrder;
      if (isReturn) await tx.insert(ticketLines).values({ ticketId: t.id, orderLineId: c.line_id, variantId: c.variant_id, sku: c.sku, quantity: 1 });
      const comments = [{ ticketId: t.id, authorAccountId: c.buyer_id, author: c.buyer_name, body: `${t.subject}。请尽快处理 Please help.`, internal: false, createdAt }];
      if (firstRespondedAt) comments.push({ ticketId: t.id, authorAccountId: c.seller_id, author: c.seller_name, body: '已收到，我们会安排师傅联系您。 Received; a technician will contact you.', internal: false, createdAt: firstRespondedAt });
      if (random() < 0.4) comments.push({ ticketId: t.id, authorAccountId: c.seller_id, author: c.seller_name, body: '内部备注：客户为重点客户，优先处理。 Internal: key account, prioritise.', internal: true, createdAt: firstRespondedAt ?? createdAt });
      await tx.insert(ticketComments).values(comments);
      const events = [{ ticketId: t.id, kind: 'OPENED', status: 'OPEN' as TicketStatus, actor: c.buyer_name, at: createdAt, note: null as string | null }];
      if (status !== 'OPEN') events.push({ ticketId: t.id, kind: 'STATUS', status, actor: c.seller_name, at: resolvedAt ?? firstRespondedAt ?? createdAt, note: null });
      if (breached) events.push({ ticketId: t.id, kind: 'SLA_BREACHED', status: null as unknown as TicketStatus, actor: 'system', at: open ? now : resolveDueAt, note: 'Escalated to the assignee\'s seller' });
      await tx.insert(ticketEvents).values(events);
      // The service side's feed: new tickets and breaches still unread.
      if (status === 'OPEN') await notify(tx, { accountIds: [c.seller_id], roles: ['SERVICE'], kind: 'TICKET_OPENED', title: `${t.number} ${kind}: ${t.subject}`, body: `From ${c.buyer_name}`, ticketId: t.id, at: createdAt });
      if (breached && open) await notify(tx, { accountIds: [c.seller_id], roles: ['SERVICE'], kind: 'SLA_BREACHED', title: `${t.number}: SLA breached`, body: t.subject, ticketId: t.id, at: now });
      if (isReturn && (status === 'IN_PROGRESS' || status === 'RESOLVED' || status === 'CLOSED')) {
        await tx.insert(returnAuthorizations).values({ number: `RA-${createdAt.getUTCFullYear()}-D${String(n).padStart(6, '0')}`, ticketId: t.id, status: 'AUTHORIZED', createdAt: firstRespondedAt ?? createdAt });
      }
    }
  }
  return { tickets: n };
}
