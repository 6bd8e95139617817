-- Backfill of the sales rollups for the orders that exist when they are
-- created (every order not cancelled): the statement rebuildSalesRollup
-- (src/modules/analytics/rollup.ts) runs, as it was when this migration was
-- written. From here on placeOrder and cancelOrder keep the rollups exact in
-- their own transactions.
    with l as (
    select (o.created_at at time zone 'Asia/Shanghai')::date as day, o.root_id, o.buyer_id, o.buyer_path,
      a.tier as buyer_tier, o.seller_id, ol.variant_id, o.channel, o.ship_to_region_code as region_code, o.id as order_id,
      ol.quantity, ol.line_total
    from orders o
    join order_lines ol on ol.order_id = o.id
    join accounts a on a.id = o.buyer_id
    where o.status <> 'CANCELLED'), t0 as (insert into sales_daily (day, root_id, buyer_tier, buyer_id, variant_id, seller_id, channel, region_code, buyer_path, lines, units, revenue)
    select day, root_id, buyer_tier, buyer_id, variant_id, seller_id, channel, region_code, buyer_path, 1 * count(*), 1 * sum(quantity), 1 * sum(line_total)
    from l group by 1, root_id, buyer_tier, buyer_id, variant_id, seller_id, channel, region_code, buyer_path
    order by buyer_id, 1, variant_id, seller_id, channel, region_code, buyer_path
    on conflict (buyer_id, day, variant_id, seller_id, channel, region_code, buyer_path) do update set
      lines = sales_daily.lines + excluded.lines, units = sales_daily.units + excluded.units, revenue = sales_daily.revenue + excluded.revenue
    returning 1), t1 as (insert into sales_orders_daily (day, root_id, buyer_tier, buyer_id, seller_id, channel, region_code, buyer_path, orders, lines, units, revenue)
    select day, root_id, buyer_tier, buyer_id, seller_id, channel, region_code, buyer_path, 1 * count(distinct order_id), 1 * count(*), 1 * sum(quantity), 1 * sum(line_total)
    from l group by 1, root_id, buyer_tier, buyer_id, seller_id, channel, region_code, buyer_path
    order by buyer_id, 1, seller_id, channel, region_code, buyer_path
    on conflict (buyer_id, day, seller_id, channel, region_code, buyer_path) do update set
      orders = sales_orders_daily.orders + excluded.orders, lines = sales_orders_daily.lines + excluded.lines, units = sales_orders_daily.units + excluded.units, revenue = sales_orders_daily.revenue + excluded.revenue
    returning 1), t2 as (insert into sales_monthly (day, root_id, buyer_tier, buyer_id, variant_id, seller_id, region_code, buyer_path, lines, units, revenue, online_revenue)
    select date_trunc('month', day)::date, root_id, buyer_tier, buyer_id, variant_id, seller_id, region_code, buyer_path, 1 * count(*), 1 * sum(quantity), 1 * sum(line_total), 1 * coalesce(sum(line_total) filter (where channel = 'ONLINE'), 0)
    from l group by 1, root_id, buyer_tier, buyer_id, variant_id, seller_id, region_code, buyer_path
    order by buyer_id, 1, variant_id, seller_id, region_code, buyer_path
    on conflict (buyer_id, day, variant_id, seller_id, region_code, buyer_path) do update set
      lines = sales_monthly.lines + excluded.lines, units = sales_monthly.units + excluded.units, revenue = sales_monthly.revenue + excluded.revenue, online_revenue = sales_monthly.online_revenue + excluded.online_revenue
    returning 1), t3 as (insert into sales_orders_monthly (day, root_id, buyer_tier, buyer_id, seller_id, region_code, buyer_path, orders, lines, units, revenue, online_revenue)
    select date_trunc('month', day)::date, root_id, buyer_tier, buyer_id, seller_id, region_code, buyer_path, 1 * count(distinct order_id), 1 * count(*), 1 * sum(quantity), 1 * sum(line_total), 1 * coalesce(sum(line_total) filter (where channel = 'ONLINE'), 0)
    from l group by 1, root_id, buyer_tier, buyer_id, seller_id, region_code, buyer_path
    order by buyer_id, 1, seller_id, region_code, buyer_path
    on conflict (buyer_id, day, seller_id, region_code, buyer_path) do update set
      orders = sales_orders_monthly.orders + excluded.orders, lines = sales_orders_monthly.lines + excluded.lines, units = sales_orders_monthly.units + excluded.units, revenue = sales_orders_monthly.revenue + excluded.revenue, online_revenue = sales_orders_monthly.online_revenue + excluded.online_revenue
    returning 1)
    select (select count(*) from t0)::int as t0, (select count(*) from t1)::int as t1, (select count(*) from t2)::int as t2, (select count(*) from t3)::int as t3;
