package dev.restock.forecast;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds the per variant and warehouse daily series straight from the raw Online Retail file, the
 * way {@code daily_demand} and {@code trading_days} will hold them once imported: UK sales go to
 * warehouse LDN, every other country to INTL; the day is the date of the (UK local) invoice time;
 * {@code sold} counts sales, {@code returned} counts cancellations (invoices starting with C) and
 * negative adjustments as positive numbers; a warehouse traded on a day with any product line.
 * Positive lines without a price (stock corrections, free goods) are neither sold nor returned.
 * Each series runs from the variant's first sale in the warehouse to the last day of the file.
 * For measuring the forecast before the importer lands; not used in production.
 */
final class OnlineRetailSeries {

    static final Path DEFAULT_FILE = Path.of("../shared/data/online-retail.csv.gz");

    private static final Set<String> NON_PRODUCT_CODES =
            Set.of("POST", "D", "M", "C2", "DOT", "BANK CHARGES", "AMAZONFEE", "PADS", "S", "B", "CRUK");

    private OnlineRetailSeries() {}

    /** The file to read: {@code RESTOCK_ONLINE_RETAIL} if set, else the shared copy. */
    static Path file() {
        String configured = System.getenv("RESTOCK_ONLINE_RETAIL");
        return configured == null || configured.isBlank() ? DEFAULT_FILE : Path.of(configured);
    }

    static List<VariantSeries> load(Path file) throws IOException {
        Map<String, Map<LocalDate, double[]>> byKey = new HashMap<>();
        Map<String, Set<LocalDate>> tradingDays = new TreeMap<>();
        try (Reader reader = open(file)) {
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get();
            for (CSVRecord line : format.parse(reader)) {
                String code = line.get("StockCode").trim();
                if (!isProduct(code)) {
                    continue;
                }
                String warehouse = "United Kingdom".equals(line.get("Country")) ? "LDN" : "INTL";
                LocalDate day = LocalDate.parse(line.get("InvoiceDate").substring(0, 10));
                tradingDays.computeIfAbsent(warehouse, key -> new TreeSet<>()).add(day);
                add(byKey, code.toUpperCase(Locale.ROOT) + "|" + warehouse, day, line);
            }
        }
        return series(byKey, tradingDays);
    }

    private static void add(Map<String, Map<LocalDate, double[]>> byKey, String key, LocalDate day, CSVRecord line) {
        double quantity = Double.parseDouble(line.get("Quantity"));
        double price = Double.parseDouble(line.get("UnitPrice"));
        double[] soldAndReturned =
                byKey.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(day, d -> new double[2]);
        if (line.get("InvoiceNo").startsWith("C") || quantity < 0) {
            soldAndReturned[1] += -quantity;
        } else if (price > 0) {
            soldAndReturned[0] += quantity;
        }
    }

    private static List<VariantSeries> series(
            Map<String, Map<LocalDate, double[]>> byKey, Map<String, Set<LocalDate>> tradingDays) {
        Map<String, TradingCalendar> calendars = new HashMap<>();
        Map<String, Long> warehouseIds = new HashMap<>();
        LocalDate last = LocalDate.MIN;
        for (var entry : tradingDays.entrySet()) {
            calendars.put(entry.getKey(), TradingCalendar.ofDays(entry.getValue()));
            warehouseIds.put(entry.getKey(), (long) warehouseIds.size() + 1);
            last = last.isAfter(calendars.get(entry.getKey()).lastDay())
                    ? last
                    : calendars.get(entry.getKey()).lastDay();
        }

        List<VariantSeries> all = new ArrayList<>();
        Map<String, Long> variantIds = new HashMap<>();
        for (String key : new TreeSet<>(byKey.keySet())) {
            String sku = key.substring(0, key.indexOf('|'));
            String warehouse = key.substring(key.indexOf('|') + 1);
            Map<LocalDate, double[]> days = byKey.get(key);
            LocalDate first = days.entrySet().stream()
                    .filter(entry -> entry.getValue()[0] - Math.max(0, entry.getValue()[1]) > 0)
                    .map(Map.Entry::getKey)
                    .min(LocalDate::compareTo)
                    .orElse(null);
            if (first == null) {
                continue;
            }
            int length = (int) ChronoUnit.DAYS.between(first, last) + 1;
            double[] sold = new double[length];
            double[] returned = new double[length];
            days.forEach((day, values) -> {
                int index = (int) ChronoUnit.DAYS.between(first, day);
                if (index >= 0) {
                    sold[index] = values[0];
                    returned[index] = values[1];
                }
            });
            long variantId = variantIds.computeIfAbsent(sku, s -> (long) variantIds.size() + 1);
            DemandSeries series = DemandSeries.ofSales(first, sold, returned, calendars.get(warehouse));
            all.add(new VariantSeries(variantId, sku, warehouseIds.get(warehouse), warehouse, series));
        }
        return all;
    }

    static boolean isProduct(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        return !code.isEmpty() && !NON_PRODUCT_CODES.contains(upper) && !upper.startsWith("GIFT_");
    }

    private static Reader open(Path file) throws IOException {
        var input = Files.newInputStream(file);
        var decoded = file.toString().endsWith(".gz") ? new GZIPInputStream(input, 1 << 16) : input;
        return new InputStreamReader(decoded, StandardCharsets.UTF_8);
    }
}
