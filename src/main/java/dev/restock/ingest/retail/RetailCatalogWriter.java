package dev.restock.ingest.retail;

import dev.restock.store.CopyWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the products and variants of an Online Retail file. Only rows whose values differ are
 * touched, so each count is the number of rows inserted or changed. Runs inside the import's
 * transaction.
 *
 * <p>A title and price are derived from the lines of the file being imported, so a file holding
 * only some of the stored lines would derive others. A later import therefore updates an existing
 * variant (and the product titled after it) only when the variant has a new or changed line in
 * the file ({@link RetailSalesWriter#CHANGED_VARIANTS}); new SKUs are always inserted.
 */
@Component
class RetailCatalogWriter {

    private final JdbcClient jdbc;

    RetailCatalogWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Upserts products and variants (new ones with the ids reserved for them); returns counts.
     * With {@code everyLineNew} (a bulk load) every variant of the file may be updated; otherwise
     * only those in {@link RetailSalesWriter#CHANGED_VARIANTS}.
     */
    Map<String, Long> write(
            Connection connection, RetailFacts facts, VariantIds variantIds, String currency, boolean everyLineNew)
            throws SQLException {
        stageSkus(connection, facts, variantIds);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("products", (long) upsertProducts(everyLineNew));
        counts.put("variants", (long) upsertVariants(currency, everyLineNew));
        return counts;
    }

    /** A condition that the variant id in {@code column} may be updated by this import. */
    private static String mayUpdate(String column, boolean everyLineNew) {
        return everyLineNew
                ? "true"
                : column + " in (select variant_id from " + RetailSalesWriter.CHANGED_VARIANTS + ")";
    }

    private static void stageSkus(Connection connection, RetailFacts facts, VariantIds variantIds) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("""
                    create temporary table retail_skus (
                        sku text, id bigint, product_code text, title text, price numeric
                    ) on commit drop
                    """);
        }
        try (CopyWriter copy = CopyWriter.open(connection, "retail_skus", "sku, id, product_code, title, price")) {
            for (var entry : facts.skus().entrySet()) {
                String sku = entry.getKey();
                copy.text(sku)
                        .bigint(variantIds.get(sku))
                        .text(RetailLineKind.productCode(sku))
                        .text(title(sku, entry.getValue().descriptions()))
                        .numeric(price(entry.getValue().salePrices()));
                copy.endRow();
            }
            copy.finish();
        }
    }

    /**
     * Descriptions differ between lines of one stock code (trailing spaces, typos); the title is
     * the most frequent non-empty one, ties broken alphabetically, so a file always gives the
     * same title.
     */
    static String title(String sku, Map<String, Integer> descriptions) {
        return descriptions.entrySet().stream()
                .filter(entry -> !entry.getKey().isBlank())
                .min(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(sku);
    }

    /** The most frequent positive price of real sales, ties to the lower price. */
    static BigDecimal price(Map<BigDecimal, Integer> prices) {
        return prices.entrySet().stream()
                .min(Map.Entry.<BigDecimal, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /**
     * A product (85123) is titled after its first variant in the file (85123A); an existing one
     * only when that variant may be updated.
     */
    private int upsertProducts(boolean everyLineNew) {
        return jdbc.sql("""
                insert into products (code, title)
                select first.product_code, first.title from (
                    select distinct on (product_code) product_code, title, id from retail_skus
                    order by product_code, sku
                ) first
                where %s or not exists (select 1 from products p where p.code = first.product_code)
                on conflict (code) do update set title = excluded.title, updated_at = now()
                where products.title is distinct from excluded.title
                """.formatted(mayUpdate("first.id", everyLineNew))).update();
    }

    private int upsertVariants(String currency, boolean everyLineNew) {
        return jdbc.sql("""
                insert into variants (id, sku, product_id, title, type, price, currency)
                overriding system value
                select s.id, s.sku, p.id, s.title, 'simple', s.price, :currency
                from retail_skus s join products p on p.code = s.product_code
                on conflict (sku) do update
                set product_id = excluded.product_id, title = excluded.title, price = excluded.price,
                    currency = excluded.currency, removed = false, updated_at = now()
                where (variants.product_id, variants.title, variants.price, variants.currency, variants.removed)
                      is distinct from (excluded.product_id, excluded.title, excluded.price, excluded.currency, false)
                  and %s
                """.formatted(mayUpdate("variants.id", everyLineNew)))
                .param("currency", currency)
                .update();
    }
}
