package dev.restock.ingest.retail;

import static dev.restock.ingest.retail.RetailAttributesGenerator.*;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The comment at the top of the generated file: what it is, how it was made, and every rule, so
 * that a reader of the YAML never has to open the generator to know where a number came from.
 */
final class RetailAttributesHeader {

    private RetailAttributesHeader() {}

    static String text(RetailSales sales) {
        // Locale.ROOT: the file must not depend on the machine that generated it.
        return String.format(
                Locale.ROOT,
                """
                Assumed attributes for the Restock demo on the UCI Online Retail data set.

                NONE OF THE NUMBERS IN THIS FILE ARE REAL. The data set has sales lines only (real:
                invoices, stock codes, descriptions, quantities, prices, times, countries). It has
                no warehouses, vendors, costs, case packs, stock, lead times or assemblies, so this
                file assumes them; most are derived from the real sales by the rules below.
                See docs/demo-data.md.

                Generated, do not edit by hand: change the generator and run
                  restock demo generate-attributes --sales ../shared/data/online-retail.csv.gz \\
                      --output demo/online-retail.yaml
                From %,d lines, SHA-256 of the uncompressed CSV:
                  %s
                %d products, sales from %s to %s on %d trading days (days with a sale line).

                Rules (in dev.restock.ingest.retail.RetailAttributesGenerator and its helpers):
                - Sale line: invoice not starting with C, quantity > 0, unit price > 0.
                  Cancellation: invoice starting with C. Products: every stock code (upper-cased)
                  with a sale line, except gift vouchers (%s*) and services:
                  %s.
                - Warehouses: LDN serves United Kingdom sales, INTL every other country.
                - Vendors: six made up, in GBP, with assumed lead times. A product goes to the first
                  family with a keyword that is a whole word of its most frequent description
                  (plural with S or ES too): LIGHTS, SEASON, KITCHEN, PAPER, TEXTILE; else GIFTS.
                - casePack: the largest of %s
                  that divides the quantities of at least %d%% of the units sold; 1 with fewer
                  than %d sale lines.
                - cost: %s x the median unit price of the sale lines (lower middle on even counts).
                - moq: the fewest case packs worth at least GBP %s at cost, the count of packs
                  rounded up to one of
                  %s.
                - leadTimeDays in terms: only for products on fewer than %d sale lines (made to
                  order): the vendor's lead time + %d days. Otherwise the vendor's applies.
                - stock, per product and warehouse with net units sold (sold less cancelled) > 0;
                  "daily sales" = net units in that warehouse / trading days:
                  available = daily sales x N days, rounded up to the case pack, where CRC32 of
                    "SKU/WAREHOUSE" modulo %d picks N from %s;
                  minStock = daily sales x %d days, rounded up to a whole unit;
                  leadTimeDays = the product's lead time, + %s days;
                  daysOfStock = %s days;
                  maxStock = minStock + daily sales x 2 x (leadTimeDays + daysOfStock), rounded up
                    to the case pack.
                - assemblies: %d gift sets of three products really bought together: among the %d
                  products on the most invoices, pairs by the number of invoices holding both, each
                  pair of unused products plus the product most often bought with both. Quantity:
                  median sale quantity / the smallest such median in the set, rounded, 1 to %d.
                  Price: sum of median unit price x quantity. Stock in LDN only: available 0,
                  minStock %d, maxStock %d, leadTimeDays %d (built in-house), daysOfStock as LDN.
                """,
                sales.lines(),
                sales.sha256(),
                sales.items().size(),
                sales.tradingDays().isEmpty() ? "-" : sales.tradingDays().first(),
                sales.tradingDays().isEmpty() ? "-" : sales.tradingDays().last(),
                sales.tradingDays().size(),
                RetailSalesReader.GIFT_VOUCHER_PREFIX,
                RetailSalesReader.SERVICE_CODES.stream().sorted().collect(Collectors.joining(", ")),
                CasePack.CANDIDATES,
                CasePack.SHARE_PERCENT,
                CasePack.MINIMUM_LINES,
                COST_SHARE_OF_PRICE,
                MINIMUM_ORDER_VALUE,
                MOQ_PACKS,
                MADE_TO_ORDER_BELOW_LINES,
                MADE_TO_ORDER_EXTRA_DAYS,
                COVER_DAYS.size(),
                COVER_DAYS,
                MIN_STOCK_DAYS,
                perWarehouse(EXTRA_LEAD_TIME_DAYS),
                perWarehouse(DAYS_OF_STOCK),
                GIFT_SETS,
                GiftSets.CANDIDATES,
                GiftSets.MAXIMUM_QUANTITY,
                GIFT_SET_MIN_STOCK,
                GIFT_SET_MAX_STOCK,
                GIFT_SET_ASSEMBLY_DAYS);
    }

    private static String perWarehouse(Map<String, Integer> days) {
        return LONDON + " " + days.get(LONDON) + ", " + INTERNATIONAL + " " + days.get(INTERNATIONAL);
    }
}
