package dev.restock.replenishment;

import dev.restock.replenishment.PlanningRecords.Setting;
import dev.restock.replenishment.PlanningRecords.VariantInfo;
import dev.restock.replenishment.PlanningRecords.VendorChoice;
import dev.restock.replenishment.PlanningRecords.WarehouseInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based reads behind the replenishment report: one query each for stock and settings,
 * vendor terms and active order lines, whatever the size of the catalog. Thread-safe.
 */
@Component
public class PlanningQueries {

    private final JdbcClient jdbc;

    public PlanningQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The day after the last trading day: the first day every forecast covers. */
    Optional<LocalDate> firstForecastDay() {
        return jdbc.sql("select max(day) + 1 from trading_days")
                .query(LocalDate.class)
                .optional();
    }

    Map<VariantWarehouse, Setting> settings(int defaultDaysOfStock) {
        Map<VariantWarehouse, Setting> settings = new HashMap<>();
        jdbc.sql("""
                select vw.variant_id, v.sku, vw.warehouse_id, w.code, w.time_zone, vw.available,
                       vw.in_transit, vw.min_stock, vw.max_stock, vw.lead_time_days, vw.days_of_stock,
                       v.price
                from variant_warehouses vw
                join variants v on v.id = vw.variant_id
                join warehouses w on w.id = vw.warehouse_id
                where not vw.removed and not v.removed and not w.removed
                """).query((ResultSet row) -> {
            Setting setting = setting(row, defaultDaysOfStock);
            settings.put(setting.key(), setting);
        });
        return settings;
    }

    private static Setting setting(ResultSet row, int defaultDaysOfStock) throws SQLException {
        Integer daysOfStock = row.getObject(11, Integer.class);
        StockPolicy policy = new StockPolicy(
                optionalInt(row.getObject(10, Integer.class)),
                daysOfStock == null ? defaultDaysOfStock : daysOfStock,
                row.getBigDecimal(8),
                Optional.ofNullable(row.getBigDecimal(9)));
        return new Setting(
                new VariantWarehouse(row.getLong(1), row.getLong(3)),
                row.getString(2),
                row.getString(4),
                ZoneId.of(row.getString(5)),
                policy,
                row.getBigDecimal(6),
                row.getBigDecimal(7),
                PlanningRecords.orZero(row.getBigDecimal(12)));
    }

    /** Per variant: the preferred vendor, else the lowest-cost one, with its terms. */
    Map<Long, VendorChoice> vendorChoices() {
        Map<Long, VendorChoice> choices = new HashMap<>();
        jdbc.sql("""
                select distinct on (vv.variant_id)
                       vv.variant_id, vv.moq, vv.order_multiple, coalesce(vv.lead_time_days, ve.lead_time_days),
                       ve.id, ve.code, vv.cost, coalesce(vv.currency, ve.currency)
                from variant_vendors vv
                join vendors ve on ve.id = vv.vendor_id
                where not vv.removed and not ve.removed
                order by vv.variant_id, vv.preferred desc, vv.cost asc nulls last, vv.vendor_id
                """).query((ResultSet row) -> {
            VendorTerms terms = new VendorTerms(
                    row.getBigDecimal(2), row.getBigDecimal(3), optionalInt(row.getObject(4, Integer.class)));
            choices.put(
                    row.getLong(1),
                    new VendorChoice(row.getLong(5), row.getString(6), row.getBigDecimal(7), row.getString(8), terms));
        });
        return choices;
    }

    /** Bills of materials of bundles and assemblies, without removed lines or variants. */
    List<ComponentLine> components() {
        return jdbc.sql("""
                select c.variant_id, c.component_variant_id, c.quantity
                from components c
                join variants kit on kit.id = c.variant_id
                join variants part on part.id = c.component_variant_id
                where not c.removed and not kit.removed and not part.removed
                """)
                .query((row, number) -> new ComponentLine(row.getLong(1), row.getLong(2), row.getBigDecimal(3)))
                .list();
    }

    /** Variants that have components or are components, by id. */
    Map<Long, VariantInfo> variantsInBillsOfMaterials() {
        Map<Long, VariantInfo> variants = new HashMap<>();
        jdbc.sql("""
                select id, sku, type, price from variants v
                where exists (select 1 from components c
                              where not c.removed and (c.variant_id = v.id or c.component_variant_id = v.id))
                """).query((ResultSet row) -> {
            variants.put(
                    row.getLong(1),
                    new VariantInfo(
                            row.getLong(1),
                            row.getString(2),
                            row.getString(3),
                            PlanningRecords.orZero(row.getBigDecimal(4))));
        });
        return variants;
    }

    /** Variant types by id, for variants that are not simple. */
    Map<Long, String> kitTypes() {
        Map<Long, String> types = new HashMap<>();
        jdbc.sql("select id, type from variants where type <> 'simple'").query((ResultSet row) -> {
            types.put(row.getLong(1), row.getString(2));
        });
        return types;
    }

    Map<Long, WarehouseInfo> warehouses() {
        Map<Long, WarehouseInfo> warehouses = new HashMap<>();
        jdbc.sql("select id, code, time_zone from warehouses").query((ResultSet row) -> {
            warehouses.put(
                    row.getLong(1), new WarehouseInfo(row.getLong(1), row.getString(2), ZoneId.of(row.getString(3))));
        });
        return warehouses;
    }

    /** The variant with this SKU, if any. */
    Optional<VariantInfo> variantBySku(String sku) {
        return jdbc.sql("select id, sku, type, price from variants where sku = ?")
                .param(sku)
                .query((row, number) -> new VariantInfo(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        PlanningRecords.orZero(row.getBigDecimal(4))))
                .optional();
    }

    /** Lines of orders whose status type is active, not removed downstream. */
    List<OnOrderLine> activeOrderLines() {
        return jdbc.sql("""
                select o.id, l.variant_id, o.warehouse_id, s.type, o.expected_date, l.replenishment, l.received
                from stock_order_lines l
                join stock_orders o on o.id = l.order_id
                join order_statuses s on s.name = o.status
                where s.type = 'active' and not l.removed and l.variant_id is not null
                """)
                .query((row, number) -> new OnOrderLine(
                        row.getObject(1, UUID.class),
                        row.getLong(2),
                        row.getLong(3),
                        row.getString(4),
                        row.getObject(5, LocalDate.class),
                        row.getBigDecimal(6),
                        row.getBigDecimal(7)))
                .list();
    }

    private static OptionalInt optionalInt(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
