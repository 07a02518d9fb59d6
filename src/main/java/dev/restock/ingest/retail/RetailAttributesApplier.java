package dev.restock.ingest.retail;

import dev.restock.ingest.retail.RetailAttributes.Assembly;
import dev.restock.ingest.retail.RetailAttributes.StartingStock;
import dev.restock.ingest.retail.RetailAttributes.Vendor;
import dev.restock.ingest.retail.RetailAttributes.VendorTerms;
import dev.restock.ingest.retail.RetailAttributes.Warehouse;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes demo attributes into the catalog: warehouses, vendors, gift set assemblies and their
 * components, vendor terms and starting stock. Makes the catalog agree with the file, so applying
 * it again resets starting stock and settings that were changed since, and an identical second
 * apply changes nothing. Rows for SKUs that are not in {@code variants} are skipped, and so is a
 * gift set with a component that is not. One statement per table, with the rows passed as arrays.
 *
 * <p>Joins the caller's transaction (the importer's), or runs in its own.
 */
@Component
public class RetailAttributesApplier {

    /** One component line of one gift set, flattened for the array parameters. */
    private record ComponentLine(String assembly, String component, BigDecimal quantity) {}

    private static final Logger log = LoggerFactory.getLogger(RetailAttributesApplier.class);

    private final JdbcClient jdbc;

    public RetailAttributesApplier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or updates the file's warehouses; returns how many rows were inserted or changed. */
    @Transactional
    public long applyWarehouses(RetailAttributes attributes) {
        List<Warehouse> warehouses = attributes.warehouses();
        return jdbc.sql("""
                insert into warehouses (code, name, time_zone)
                select * from unnest(?::text[], ?::text[], ?::text[])
                on conflict (code) do update
                set name = excluded.name, time_zone = excluded.time_zone, removed = false, updated_at = now()
                where (warehouses.name, warehouses.time_zone, warehouses.removed)
                      is distinct from (excluded.name, excluded.time_zone, false)
                """)
                .params(
                        SqlArrays.text(warehouses, Warehouse::code),
                        SqlArrays.text(warehouses, Warehouse::name),
                        SqlArrays.text(warehouses, Warehouse::timeZone))
                .update();
    }

    /**
     * Applies everything in the file, warehouses included (a no-op when {@link #applyWarehouses}
     * ran first). Returns the rows inserted or changed per table, in the order written: {@code
     * warehouses}, {@code vendors}, {@code variants} (gift sets), {@code components}, {@code
     * variant_vendors}, {@code variant_warehouses}.
     */
    @Transactional
    public Map<String, Long> apply(RetailAttributes attributes) {
        long started = System.nanoTime();
        Map<String, Long> changed = new LinkedHashMap<>();
        changed.put("warehouses", applyWarehouses(attributes));
        changed.put("vendors", applyVendors(attributes.vendors()));
        List<Assembly> assemblies = buildable(attributes.assemblies());
        changed.put("variants", applyAssemblies(assemblies, attributes.currency()));
        changed.put("components", applyComponents(assemblies));
        changed.put("variant_vendors", applyTerms(attributes.terms()));
        changed.put("variant_warehouses", applyStock(attributes.stock()));
        log.info(
                "Applied demo attributes in {} ms; rows inserted or changed: {}",
                (System.nanoTime() - started) / 1_000_000,
                changed);
        return changed;
    }

    private long applyVendors(List<Vendor> vendors) {
        return jdbc.sql("""
                insert into vendors (code, name, currency, lead_time_days)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::int[])
                on conflict (code) do update
                set name = excluded.name, currency = excluded.currency,
                    lead_time_days = excluded.lead_time_days, removed = false, updated_at = now()
                where (vendors.name, vendors.currency, vendors.lead_time_days, vendors.removed)
                      is distinct from (excluded.name, excluded.currency, excluded.lead_time_days, false)
                """)
                .params(
                        SqlArrays.text(vendors, Vendor::code),
                        SqlArrays.text(vendors, Vendor::name),
                        SqlArrays.text(vendors, Vendor::currency),
                        SqlArrays.integers(vendors, Vendor::leadTimeDays))
                .update();
    }

    /** The gift sets whose components are all in the catalog; the others are skipped. */
    private List<Assembly> buildable(List<Assembly> assemblies) {
        List<String> componentSkus = assemblies.stream()
                .flatMap(assembly -> assembly.components().stream())
                .map(RetailAttributes.Component::sku)
                .toList();
        Set<String> known = new HashSet<>(jdbc.sql("select sku from variants where sku = any(?)")
                .param(SqlArrays.text(componentSkus, sku -> sku))
                .query(String.class)
                .list());
        List<Assembly> buildable = assemblies.stream()
                .filter(assembly -> assembly.components().stream().allMatch(c -> known.contains(c.sku())))
                .toList();
        if (buildable.size() < assemblies.size()) {
            log.info(
                    "Skipped {} of {} gift sets whose components are not all in the catalog",
                    assemblies.size() - buildable.size(),
                    assemblies.size());
        }
        return buildable;
    }

    private long applyAssemblies(List<Assembly> assemblies, String currency) {
        return jdbc.sql("""
                insert into variants (sku, title, type, price, currency)
                select sku, title, 'assembly', price, ?::text from unnest(?::text[], ?::text[], ?::numeric[])
                    as t (sku, title, price)
                on conflict (sku) do update
                set title = excluded.title, type = excluded.type, price = excluded.price,
                    currency = excluded.currency, removed = false, updated_at = now()
                where (variants.title, variants.type, variants.price, variants.currency, variants.removed)
                      is distinct from
                      (excluded.title, excluded.type, excluded.price, excluded.currency, false)
                """)
                .params(
                        currency,
                        SqlArrays.text(assemblies, Assembly::sku),
                        SqlArrays.text(assemblies, Assembly::title),
                        SqlArrays.decimals(assemblies, Assembly::price))
                .update();
    }

    private long applyComponents(List<Assembly> assemblies) {
        List<ComponentLine> lines = assemblies.stream()
                .flatMap(assembly -> assembly.components().stream()
                        .map(component -> new ComponentLine(assembly.sku(), component.sku(), component.quantity())))
                .toList();
        long upserted = jdbc.sql("""
                insert into components (variant_id, component_variant_id, quantity)
                select a.id, c.id, t.quantity
                from unnest(?::text[], ?::text[], ?::numeric[]) as t (assembly, component, quantity)
                join variants a on a.sku = t.assembly
                join variants c on c.sku = t.component
                on conflict (variant_id, component_variant_id) do update
                set quantity = excluded.quantity, removed = false, updated_at = now()
                where (components.quantity, components.removed) is distinct from (excluded.quantity, false)
                """)
                .params(
                        SqlArrays.text(lines, ComponentLine::assembly),
                        SqlArrays.text(lines, ComponentLine::component),
                        SqlArrays.decimals(lines, ComponentLine::quantity))
                .update();
        return upserted + removeStaleComponents(assemblies, lines);
    }

    /** A component that a gift set no longer has in the file is marked removed, keeping history. */
    private long removeStaleComponents(List<Assembly> assemblies, List<ComponentLine> lines) {
        return jdbc.sql("""
                update components k set removed = true, updated_at = now()
                from variants a
                where a.id = k.variant_id and a.sku = any(?) and not k.removed
                  and not exists (
                      select 1 from unnest(?::text[], ?::text[]) as t (assembly, component)
                      join variants c on c.sku = t.component
                      where t.assembly = a.sku and c.id = k.component_variant_id)
                """)
                .params(
                        SqlArrays.text(assemblies, Assembly::sku),
                        SqlArrays.text(lines, ComponentLine::assembly),
                        SqlArrays.text(lines, ComponentLine::component))
                .update();
    }

    private long applyTerms(List<VendorTerms> terms) {
        long upserted = jdbc.sql("""
                insert into variant_vendors (variant_id, vendor_id, cost, currency, moq, order_multiple,
                                             lead_time_days, vendor_reference, preferred)
                select v.id, d.id, t.cost, d.currency, t.moq, t.case_pack, t.lead_time_days,
                       t.vendor_reference, true
                from unnest(?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[], ?::int[], ?::text[])
                    as t (sku, vendor, cost, moq, case_pack, lead_time_days, vendor_reference)
                join variants v on v.sku = t.sku
                join vendors d on d.code = t.vendor
                on conflict (variant_id, vendor_id) do update
                set cost = excluded.cost, currency = excluded.currency, moq = excluded.moq,
                    order_multiple = excluded.order_multiple, lead_time_days = excluded.lead_time_days,
                    vendor_reference = excluded.vendor_reference, preferred = true, removed = false,
                    updated_at = now()
                where (variant_vendors.cost, variant_vendors.currency, variant_vendors.moq,
                       variant_vendors.order_multiple, variant_vendors.lead_time_days,
                       variant_vendors.vendor_reference, variant_vendors.preferred, variant_vendors.removed)
                      is distinct from
                      (excluded.cost, excluded.currency, excluded.moq, excluded.order_multiple,
                       excluded.lead_time_days, excluded.vendor_reference, true, false)
                """)
                .params(
                        SqlArrays.text(terms, VendorTerms::sku),
                        SqlArrays.text(terms, VendorTerms::vendor),
                        SqlArrays.decimals(terms, VendorTerms::cost),
                        SqlArrays.decimals(terms, VendorTerms::moq),
                        SqlArrays.decimals(terms, VendorTerms::casePack),
                        SqlArrays.integers(terms, VendorTerms::leadTimeDays),
                        SqlArrays.text(terms, VendorTerms::vendorReference))
                .update();
        return upserted + demoteOtherVendors(terms);
    }

    /** The file names one vendor per SKU; another vendor of that SKU stops being preferred. */
    private long demoteOtherVendors(List<VendorTerms> terms) {
        return jdbc.sql("""
                update variant_vendors vv set preferred = false, updated_at = now()
                from unnest(?::text[], ?::text[]) as t (sku, vendor)
                join variants v on v.sku = t.sku
                join vendors d on d.code = t.vendor
                where vv.variant_id = v.id and vv.vendor_id <> d.id and vv.preferred
                """)
                .params(SqlArrays.text(terms, VendorTerms::sku), SqlArrays.text(terms, VendorTerms::vendor))
                .update();
    }

    private long applyStock(List<StartingStock> stock) {
        return jdbc.sql("""
                insert into variant_warehouses (variant_id, warehouse_id, available, min_stock, max_stock,
                                                lead_time_days, days_of_stock)
                select v.id, w.id, t.available, t.min_stock, t.max_stock, t.lead_time_days, t.days_of_stock
                from unnest(?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[], ?::int[], ?::int[])
                    as t (sku, warehouse, available, min_stock, max_stock, lead_time_days, days_of_stock)
                join variants v on v.sku = t.sku
                join warehouses w on w.code = t.warehouse
                on conflict (variant_id, warehouse_id) do update
                set available = excluded.available, min_stock = excluded.min_stock,
                    max_stock = excluded.max_stock, lead_time_days = excluded.lead_time_days,
                    days_of_stock = excluded.days_of_stock, removed = false, updated_at = now()
                where (variant_warehouses.available, variant_warehouses.min_stock,
                       variant_warehouses.max_stock, variant_warehouses.lead_time_days,
                       variant_warehouses.days_of_stock, variant_warehouses.removed)
                      is distinct from
                      (excluded.available, excluded.min_stock, excluded.max_stock,
                       excluded.lead_time_days, excluded.days_of_stock, false)
                """)
                .params(
                        SqlArrays.text(stock, StartingStock::sku),
                        SqlArrays.text(stock, StartingStock::warehouse),
                        SqlArrays.decimals(stock, StartingStock::available),
                        SqlArrays.decimals(stock, StartingStock::minStock),
                        SqlArrays.decimals(stock, StartingStock::maxStock),
                        SqlArrays.integers(stock, StartingStock::leadTimeDays),
                        SqlArrays.integers(stock, StartingStock::daysOfStock))
                .update();
    }
}
