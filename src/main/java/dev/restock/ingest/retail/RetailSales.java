package dev.restock.ingest.retail;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The facts of an Online Retail file that the demo attributes are derived from.
 *
 * @param items per SKU (upper-cased stock code), products only, sorted by SKU
 * @param invoices the SKUs sold on each invoice, for finding products bought together
 * @param tradingDays the days with at least one sale line
 * @param lines the data lines read, header excluded
 * @param sha256 of the uncompressed file, so the generated file says what it came from
 */
record RetailSales(
        SortedMap<String, ItemSales> items,
        Map<String, List<String>> invoices,
        SortedSet<LocalDate> tradingDays,
        long lines,
        String sha256) {}
