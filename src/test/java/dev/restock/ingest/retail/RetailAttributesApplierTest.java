package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.restock.DatabaseTest;
import dev.restock.ingest.retail.RetailAttributes.Assembly;
import dev.restock.ingest.retail.RetailAttributes.Component;
import dev.restock.ingest.retail.RetailAttributes.StartingStock;
import dev.restock.ingest.retail.RetailAttributes.Vendor;
import dev.restock.ingest.retail.RetailAttributes.VendorTerms;
import dev.restock.ingest.retail.RetailAttributes.Warehouse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.SqlArrayValue;

class RetailAttributesApplierTest extends DatabaseTest {

    @Autowired
    RetailAttributesApplier applier;

    @BeforeEach
    void catalogWithThreeVariants() {
        jdbc.sql("insert into variants (sku, title) values ('22001', 'HOME MUG'), ('22002', 'RED CANDLE'),"
                        + " ('85099B', 'JUMBO BAG RED')")
                .update();
    }

    @Test
    void appliesTermsStockAndGiftSetsToKnownSkusOnly() {
        Map<String, Long> changed = applier.apply(attributes(new BigDecimal("1.00")));

        assertThat(changed)
                .containsExactly(
                        entry("warehouses", 2L),
                        entry("vendors", 2L),
                        entry("variants", 1L),
                        entry("components", 2L),
                        entry("variant_vendors", 2L),
                        entry("variant_warehouses", 3L));
        assertThat(jdbc.sql("""
                        select v.sku, d.code, vv.cost, vv.currency, vv.moq, vv.order_multiple,
                               vv.lead_time_days, vv.vendor_reference, vv.preferred
                        from variant_vendors vv join variants v on v.id = vv.variant_id
                        join vendors d on d.id = vv.vendor_id order by v.sku
                        """).query().listOfRows())
                .extracting(row -> row.values().stream().map(String::valueOf).toList())
                .containsExactly(
                        List.of(
                                "22001",
                                "KITCHEN",
                                "1.000000",
                                "GBP",
                                "24.000000",
                                "12.000000",
                                "35",
                                "K-22001",
                                "true"),
                        List.of(
                                "22002",
                                "LIGHTS",
                                "0.500000",
                                "GBP",
                                "30.000000",
                                "1.000000",
                                "null",
                                "L-22002",
                                "true"));
        assertThat(jdbc.sql("""
                        select v.sku || '@' || w.code from variant_warehouses s join variants v on v.id = s.variant_id
                        join warehouses w on w.id = s.warehouse_id order by 1
                        """).query(String.class).list()).containsExactly("22001@INTL", "22001@LDN", "KIT-0001@LDN");
        assertThat(jdbc.sql("select type || ' ' || title || ' ' || price from variants where sku = 'KIT-0001'")
                        .query(String.class)
                        .single())
                .isEqualTo("assembly GIFT SET: MUG AND CANDLE 4.500000");
        assertThat(jdbc.sql("select count(*) from variants where sku like 'KIT-%'")
                        .query(Long.class)
                        .single())
                .as("the set with an unknown component is skipped")
                .isEqualTo(1L);
    }

    @Test
    void secondIdenticalApplyChangesNothing() {
        applier.apply(attributes(new BigDecimal("1.00")));

        Map<String, Long> changed = applier.apply(attributes(new BigDecimal("1.0")));

        assertThat(changed)
                .hasSize(6)
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    void changedFileUpdatesOnlyTheRowsThatChanged() {
        applier.apply(attributes(new BigDecimal("1.00")));

        Map<String, Long> changed = applier.apply(attributes(new BigDecimal("1.10")));

        assertThat(changed).containsEntry("variant_vendors", 1L).containsEntry("variant_warehouses", 0L);
        assertThat(jdbc.sql("select cost from variant_vendors where vendor_reference = 'K-22001'")
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("1.10");
    }

    @Test
    void giftSetComponentDroppedFromTheFileIsMarkedRemoved() {
        applier.apply(attributes(new BigDecimal("1.00")));
        RetailAttributes smaller = withAssemblies(
                attributes(new BigDecimal("1.00")),
                List.of(new Assembly(
                        "KIT-0001",
                        "GIFT SET: MUG AND CANDLE",
                        new BigDecimal("4.50"),
                        List.of(component("22001", "2")))));

        Map<String, Long> changed = applier.apply(smaller);

        assertThat(changed).containsEntry("components", 1L);
        assertThat(jdbc.sql("select count(*) from components where removed")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void newVendorForASkuTakesOverAsPreferred() {
        applier.apply(attributes(new BigDecimal("1.00")));
        RetailAttributes base = attributes(new BigDecimal("1.00"));
        List<VendorTerms> moved = base.terms().stream()
                .map(terms -> terms.sku().equals("22001")
                        ? new VendorTerms(
                                "22001", "LIGHTS", terms.cost(), terms.moq(), terms.casePack(), null, "L-22001")
                        : terms)
                .toList();

        applier.apply(new RetailAttributes(
                base.timeZone(),
                base.currency(),
                base.warehouses(),
                base.countryWarehouses(),
                base.otherCountriesWarehouse(),
                base.vendors(),
                moved,
                base.stock(),
                base.assemblies()));

        assertThat(jdbc.sql("""
                        select d.code || ' ' || vv.preferred from variant_vendors vv
                        join variants v on v.id = vv.variant_id join vendors d on d.id = vv.vendor_id
                        where v.sku = '22001' order by d.code
                        """).query(String.class).list()).containsExactly("KITCHEN false", "LIGHTS true");
    }

    @Test
    void warehousesCanBeAppliedOnTheirOwnFirst() {
        assertThat(applier.applyWarehouses(attributes(BigDecimal.ONE))).isEqualTo(2);
        assertThat(applier.applyWarehouses(attributes(BigDecimal.ONE))).isZero();

        assertThat(applier.apply(attributes(BigDecimal.ONE))).containsEntry("warehouses", 0L);
    }

    @Test
    void bundledFileAppliesToAFullCatalogAndOnlyOnce() {
        RetailAttributes bundled = RetailAttributes.loadBundled();
        Object[] skus = bundled.terms().stream().map(VendorTerms::sku).toArray();
        jdbc.sql("insert into variants (sku, title) select sku, sku from unnest(?::text[]) as t (sku)"
                        + " on conflict (sku) do nothing")
                .param(new SqlArrayValue("text", skus))
                .update();

        Map<String, Long> first = applier.apply(bundled);
        Map<String, Long> second = applier.apply(bundled);

        assertThat(first)
                .containsEntry("vendors", 6L)
                .containsEntry("variants", 5L)
                .containsEntry("components", 15L)
                .containsEntry("variant_vendors", (long) bundled.terms().size())
                .containsEntry("variant_warehouses", (long) bundled.stock().size());
        assertThat(second.values()).containsOnly(0L);
    }

    private static RetailAttributes attributes(BigDecimal mugCost) {
        return new RetailAttributes(
                "Europe/London",
                "GBP",
                List.of(
                        new Warehouse("LDN", "London", "Europe/London"),
                        new Warehouse("INTL", "International", "Europe/London")),
                Map.of("United Kingdom", "LDN"),
                "INTL",
                List.of(
                        new Vendor("KITCHEN", "Kitchen supplier", "GBP", 21),
                        new Vendor("LIGHTS", "Lights supplier", "GBP", 35)),
                List.of(
                        new VendorTerms(
                                "22001", "KITCHEN", mugCost, new BigDecimal("24"), new BigDecimal("12"), 35, "K-22001"),
                        new VendorTerms(
                                "22002",
                                "LIGHTS",
                                new BigDecimal("0.5"),
                                new BigDecimal("30"),
                                BigDecimal.ONE,
                                null,
                                "L-22002"),
                        new VendorTerms(
                                "99999", "LIGHTS", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, null, "L-99999")),
                List.of(
                        stock("22001", "LDN", "36"),
                        stock("22001", "INTL", "0"),
                        stock("99999", "LDN", "5"),
                        stock("KIT-0001", "LDN", "0")),
                List.of(
                        new Assembly(
                                "KIT-0001",
                                "GIFT SET: MUG AND CANDLE",
                                new BigDecimal("4.50"),
                                List.of(component("22001", "2"), component("22002", "1"))),
                        new Assembly(
                                "KIT-0002",
                                "GIFT SET: MUG AND UNKNOWN",
                                new BigDecimal("3.00"),
                                List.of(component("22001", "1"), component("99999", "1")))));
    }

    private static RetailAttributes withAssemblies(RetailAttributes base, List<Assembly> assemblies) {
        return new RetailAttributes(
                base.timeZone(),
                base.currency(),
                base.warehouses(),
                base.countryWarehouses(),
                base.otherCountriesWarehouse(),
                base.vendors(),
                base.terms(),
                base.stock(),
                assemblies);
    }

    private static StartingStock stock(String sku, String warehouse, String available) {
        return new StartingStock(
                sku, warehouse, new BigDecimal(available), new BigDecimal("7"), new BigDecimal("120"), 35, 28);
    }

    private static Component component(String sku, String quantity) {
        return new Component(sku, new BigDecimal(quantity));
    }
}
