package dev.restock.ingest.entities;

/**
 * The SQL that applies a staged entity file to its table. Every upsert changes a stored row only
 * when the file's UPDATED_AT is newer, so an older or repeated file changes nothing; empty
 * optional values take their defaults, because a row describes the whole entity. {@code %1$s}
 * stands for the staging table.
 */
final class EntityUpserts {

    /** Sales lines of entity files share this source, so each re-import finds its own lines. */
    static final String SALES_SOURCE = "entities";

    private EntityUpserts() {}

    /** A join from the staging table {@code s} to the stored rows {@code t} it would replace. */
    static String storedRows(EntityFile entity) {
        return switch (entity) {
            case WAREHOUSES -> "join warehouses t on t.code = s.code";
            case VENDORS -> "join vendors t on t.code = s.code";
            case VARIANTS -> "join variants t on t.sku = s.sku";
            case VARIANT_WAREHOUSES -> """
                    join variants v on v.sku = s.sku join warehouses w on w.code = s.warehouse
                    join variant_warehouses t on t.variant_id = v.id and t.warehouse_id = w.id""";
            case VARIANT_VENDORS -> """
                    join variants v on v.sku = s.sku join vendors o on o.code = s.vendor
                    join variant_vendors t on t.variant_id = v.id and t.vendor_id = o.id""";
            case COMPONENTS -> """
                    join variants v on v.sku = s.sku join variants c on c.sku = s.component_sku
                    join components t on t.variant_id = v.id and t.component_variant_id = c.id""";
            case SALES_ORDERS ->
                "join sales_lines t on t.source = '" + SALES_SOURCE + "'"
                        + " and t.order_ref = s.order_id and t.line_ref = s.line_id";
        };
    }

    static String upsert(EntityFile entity) {
        return switch (entity) {
            case WAREHOUSES -> """
                    insert into warehouses (code, name, time_zone, removed, updated_at)
                    select code, name, coalesce(time_zone, 'UTC'), removed, updated_at from %1$s
                    on conflict (code) do update set name = excluded.name, time_zone = excluded.time_zone,
                        removed = excluded.removed, updated_at = excluded.updated_at
                    where excluded.updated_at > warehouses.updated_at""";
            case VENDORS -> """
                    insert into vendors (code, name, currency, lead_time_days, removed, updated_at)
                    select code, name, currency, lead_time_days, removed, updated_at from %1$s
                    on conflict (code) do update set name = excluded.name, currency = excluded.currency,
                        lead_time_days = excluded.lead_time_days, removed = excluded.removed,
                        updated_at = excluded.updated_at
                    where excluded.updated_at > vendors.updated_at""";
            case VARIANTS -> """
                    insert into variants (sku, product_id, title, barcode, type, price, currency, removed, updated_at)
                    select s.sku, p.id, s.title, s.barcode, coalesce(s.type, 'simple'), s.price, s.currency,
                           s.removed, s.updated_at
                    from %1$s s left join products p on p.code = s.product_code
                    on conflict (sku) do update set product_id = excluded.product_id, title = excluded.title,
                        barcode = excluded.barcode, type = excluded.type, price = excluded.price,
                        currency = excluded.currency, removed = excluded.removed, updated_at = excluded.updated_at
                    where excluded.updated_at > variants.updated_at""";
            case VARIANT_WAREHOUSES -> """
                    insert into variant_warehouses (variant_id, warehouse_id, available, in_transit, min_stock,
                                                    max_stock, lead_time_days, days_of_stock, removed, updated_at)
                    select v.id, w.id, s.available, coalesce(s.in_transit, 0), coalesce(s.min_stock, 0),
                           s.max_stock, s.lead_time_days, s.days_of_stock, s.removed, s.updated_at
                    from %1$s s join variants v on v.sku = s.sku join warehouses w on w.code = s.warehouse
                    on conflict (variant_id, warehouse_id) do update set available = excluded.available,
                        in_transit = excluded.in_transit, min_stock = excluded.min_stock,
                        max_stock = excluded.max_stock, lead_time_days = excluded.lead_time_days,
                        days_of_stock = excluded.days_of_stock, removed = excluded.removed,
                        updated_at = excluded.updated_at
                    where excluded.updated_at > variant_warehouses.updated_at""";
            case VARIANT_VENDORS -> """
                    insert into variant_vendors (variant_id, vendor_id, cost, currency, moq, order_multiple,
                                                 lead_time_days, vendor_reference, preferred, removed, updated_at)
                    select v.id, o.id, s.cost, s.currency, coalesce(s.moq, 0), coalesce(s.order_multiple, 1),
                           s.lead_time_days, s.vendor_reference, coalesce(s.preferred, false), s.removed,
                           s.updated_at
                    from %1$s s join variants v on v.sku = s.sku join vendors o on o.code = s.vendor
                    on conflict (variant_id, vendor_id) do update set cost = excluded.cost,
                        currency = excluded.currency, moq = excluded.moq, order_multiple = excluded.order_multiple,
                        lead_time_days = excluded.lead_time_days, vendor_reference = excluded.vendor_reference,
                        preferred = excluded.preferred, removed = excluded.removed, updated_at = excluded.updated_at
                    where excluded.updated_at > variant_vendors.updated_at""";
            case COMPONENTS -> """
                    insert into components (variant_id, component_variant_id, quantity, removed, updated_at)
                    select v.id, c.id, s.quantity, s.removed, s.updated_at
                    from %1$s s join variants v on v.sku = s.sku join variants c on c.sku = s.component_sku
                    on conflict (variant_id, component_variant_id) do update set quantity = excluded.quantity,
                        removed = excluded.removed, updated_at = excluded.updated_at
                    where excluded.updated_at > components.updated_at""";
            case SALES_ORDERS -> """
                    insert into sales_lines (source, order_ref, line_ref, variant_id, warehouse_id, kind, quantity,
                                             unit_price, currency, sold_at, customer_ref, country, removed,
                                             updated_at)
                    select '%2$s', s.order_id, s.line_id, v.id, w.id, coalesce(s.kind, 'sale'),
                           case when s.kind in ('return', 'cancellation') then -s.quantity else s.quantity end,
                           s.unit_price, s.currency, s.ordered_at, s.customer, s.country, s.removed, s.updated_at
                    from %1$s s join variants v on v.sku = s.sku join warehouses w on w.code = s.warehouse
                    order by s.order_id, s.line_id
                    on conflict (source, order_ref, line_ref) do update set variant_id = excluded.variant_id,
                        warehouse_id = excluded.warehouse_id, kind = excluded.kind, quantity = excluded.quantity,
                        unit_price = excluded.unit_price, currency = excluded.currency, sold_at = excluded.sold_at,
                        customer_ref = excluded.customer_ref, country = excluded.country,
                        removed = excluded.removed, updated_at = excluded.updated_at
                    where excluded.updated_at > sales_lines.updated_at""".replace("%2$s", SALES_SOURCE);
        };
    }

    /**
     * Products are named by the variants: a new product code creates the product, titled by
     * PRODUCT_TITLE or else the variant's TITLE.
     */
    static final String INSERT_PRODUCTS = """
            insert into products (code, title, updated_at)
            select distinct on (product_code) product_code, coalesce(product_title, title), updated_at
            from %1$s where product_code is not null
            order by product_code, product_title is null, updated_at desc, line desc
            on conflict (code) do nothing""";

    /** A newer PRODUCT_TITLE renames an existing product; an empty one leaves the title alone. */
    static final String RENAME_PRODUCTS = """
            update products p set title = s.product_title, updated_at = s.updated_at
            from (select distinct on (product_code) product_code, product_title, updated_at from %1$s
                  where product_code is not null and product_title is not null
                  order by product_code, updated_at desc, line desc) s
            where p.code = s.product_code and s.updated_at > p.updated_at and p.title <> s.product_title""";
}
