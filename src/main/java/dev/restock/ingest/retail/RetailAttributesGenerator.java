package dev.restock.ingest.retail;

import dev.restock.ingest.retail.RetailAttributes.Assembly;
import dev.restock.ingest.retail.RetailAttributes.StartingStock;
import dev.restock.ingest.retail.RetailAttributes.VendorTerms;
import dev.restock.ingest.retail.RetailAttributes.Warehouse;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Derives the demo attributes from the Online Retail sales by fixed rules and writes them as YAML.
 * The same sales file always gives a byte-identical YAML file: no clocks, no unseeded randomness
 * (where variety is wanted it comes from a CRC32 of the SKU text), everything sorted. The rules
 * are spelled out in {@link RetailAttributesHeader}, which is written at the top of the file.
 */
public final class RetailAttributesGenerator {

    static final String LONDON = "LDN";
    static final String INTERNATIONAL = "INTL";
    static final String TIME_ZONE = "Europe/London";
    static final String CURRENCY = "GBP";

    /** Starting stock covers one of these numbers of days of sales, picked by CRC32. */
    static final List<Integer> COVER_DAYS = List.of(0, 7, 14, 21, 30, 45, 60, 90);

    static final int MIN_STOCK_DAYS = 7;
    static final Map<String, Integer> DAYS_OF_STOCK = Map.of(LONDON, 28, INTERNATIONAL, 42);
    static final Map<String, Integer> EXTRA_LEAD_TIME_DAYS = Map.of(LONDON, 0, INTERNATIONAL, 7);
    static final BigDecimal COST_SHARE_OF_PRICE = new BigDecimal("0.5");
    static final BigDecimal MINIMUM_ORDER_VALUE = new BigDecimal("15");

    /** MOQs in round numbers of case packs, as vendors state them; 1,000 packs at most. */
    static final List<Integer> MOQ_PACKS = List.of(
            1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250, 300, 400, 500, 600,
            800, 1000);

    static final int MADE_TO_ORDER_BELOW_LINES = 20;
    static final int MADE_TO_ORDER_EXTRA_DAYS = 14;
    static final int GIFT_SETS = 5;
    static final int GIFT_SET_MIN_STOCK = 10;
    static final int GIFT_SET_MAX_STOCK = 50;
    static final int GIFT_SET_ASSEMBLY_DAYS = 2;

    /** Reads the Online Retail CSV (or .csv.gz) and writes the demo attributes YAML to {@code out}. */
    public void generate(Path salesFile, Writer out) {
        RetailSales sales = RetailSalesReader.read(salesFile, structure()::warehouseFor);
        RetailAttributes attributes = derive(sales);
        Map<String, String> titles = new TreeMap<>();
        sales.items().values().forEach(item -> titles.put(item.sku(), item.description()));
        RetailAttributesWriter.write(attributes, RetailAttributesHeader.text(sales), titles, out);
    }

    static RetailAttributes derive(RetailSales sales) {
        RetailAttributes structure = structure();
        List<VendorTerms> terms = new ArrayList<>();
        List<StartingStock> stock = new ArrayList<>();
        int tradingDays = sales.tradingDays().size();
        for (ItemSales item : sales.items().values()) {
            VendorTerms itemTerms = terms(item);
            terms.add(itemTerms);
            for (Warehouse warehouse : structure.warehouses()) {
                if (item.netUnits(warehouse.code()) > 0) {
                    stock.add(stock(item, itemTerms, warehouse.code(), tradingDays));
                }
            }
        }
        List<Assembly> assemblies = GiftSets.build(sales, GIFT_SETS);
        for (Assembly assembly : assemblies) {
            stock.add(giftSetStock(assembly.sku()));
        }
        return new RetailAttributes(
                structure.timeZone(),
                structure.currency(),
                structure.warehouses(),
                structure.countryWarehouses(),
                structure.otherCountriesWarehouse(),
                structure.vendors(),
                terms,
                stock,
                assemblies);
    }

    /** Warehouses, countries and vendors: the part that does not depend on the sales. */
    static RetailAttributes structure() {
        return new RetailAttributes(
                TIME_ZONE,
                CURRENCY,
                List.of(
                        new Warehouse(LONDON, "London", TIME_ZONE),
                        new Warehouse(INTERNATIONAL, "International", TIME_ZONE)),
                Map.of("United Kingdom", LONDON),
                INTERNATIONAL,
                DemoVendors.vendors(),
                List.of(),
                List.of(),
                List.of());
    }

    static VendorTerms terms(ItemSales item) {
        String vendor = DemoVendors.vendorFor(item.description());
        BigDecimal casePack = BigDecimal.valueOf(CasePack.infer(item.quantities()));
        BigDecimal cost = item.medianPrice().multiply(COST_SHARE_OF_PRICE).stripTrailingZeros();
        Integer leadTime = item.saleLines() < MADE_TO_ORDER_BELOW_LINES
                ? DemoVendors.vendor(vendor).leadTimeDays() + MADE_TO_ORDER_EXTRA_DAYS
                : null;
        return new VendorTerms(
                item.sku(), vendor, cost, moq(cost, casePack), casePack, leadTime, vendor + "-" + item.sku());
    }

    /** The fewest case packs, counted in {@link #MOQ_PACKS}, worth the minimum order value at cost. */
    static BigDecimal moq(BigDecimal cost, BigDecimal casePack) {
        BigDecimal packValue = cost.multiply(casePack);
        int packs = MOQ_PACKS.stream()
                .filter(count -> packValue.multiply(BigDecimal.valueOf(count)).compareTo(MINIMUM_ORDER_VALUE) >= 0)
                .findFirst()
                .orElse(MOQ_PACKS.getLast());
        return casePack.multiply(BigDecimal.valueOf(packs));
    }

    private static StartingStock stock(ItemSales item, VendorTerms terms, String warehouse, int tradingDays) {
        long units = item.netUnits(warehouse);
        long pack = terms.casePack().longValueExact();
        Integer ownLeadTime = terms.leadTimeDays();
        int leadTime = (ownLeadTime != null
                        ? ownLeadTime
                        : DemoVendors.vendor(terms.vendor()).leadTimeDays())
                + EXTRA_LEAD_TIME_DAYS.get(warehouse);
        int daysOfStock = DAYS_OF_STOCK.get(warehouse);
        long available = roundUp(daysOfSales(units, coverDays(item.sku(), warehouse), tradingDays), pack);
        long minStock = daysOfSales(units, MIN_STOCK_DAYS, tradingDays);
        long maxStock = roundUp(minStock + daysOfSales(units, 2L * (leadTime + daysOfStock), tradingDays), pack);
        return new StartingStock(
                item.sku(),
                warehouse,
                BigDecimal.valueOf(available),
                BigDecimal.valueOf(minStock),
                BigDecimal.valueOf(maxStock),
                leadTime,
                daysOfStock);
    }

    /** Days of cover of one SKU in one warehouse: CRC32 of "SKU/WAREHOUSE" picks from the list. */
    static int coverDays(String sku, String warehouse) {
        CRC32 crc = new CRC32();
        crc.update((sku + "/" + warehouse).getBytes(StandardCharsets.UTF_8));
        return COVER_DAYS.get((int) (crc.getValue() % COVER_DAYS.size()));
    }

    /** Whole units sold in {@code days} at the average rate per trading day, rounded up. */
    static long daysOfSales(long units, long days, int tradingDays) {
        return tradingDays == 0 ? 0 : Math.ceilDiv(units * days, tradingDays);
    }

    static long roundUp(long quantity, long pack) {
        return Math.ceilDiv(quantity, pack) * pack;
    }

    /** Gift sets have no sales; they start empty in London and are built in-house. */
    private static StartingStock giftSetStock(String sku) {
        return new StartingStock(
                sku,
                LONDON,
                BigDecimal.ZERO,
                BigDecimal.valueOf(GIFT_SET_MIN_STOCK),
                BigDecimal.valueOf(GIFT_SET_MAX_STOCK),
                GIFT_SET_ASSEMBLY_DAYS,
                DAYS_OF_STOCK.get(LONDON));
    }
}
