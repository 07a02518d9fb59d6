package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.RestockException;
import dev.restock.ingest.retail.RetailAttributes.Component;
import dev.restock.ingest.retail.RetailAttributes.StartingStock;
import dev.restock.ingest.retail.RetailAttributes.VendorTerms;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generator on a small hand-made sales file, whose 19 lines are chosen so that every
 * rule can be checked by hand: 4 trading days (one line written as 12/3/2010 8:05), a
 * cancellation, a postage line, a lower-case stock code, an adjustment and a free line.
 */
class RetailAttributesGeneratorTest {

    private static final int TRADING_DAYS = 4;

    @TempDir
    Path directory;

    @Test
    void sameSalesGiveByteIdenticalYaml() {
        assertThat(generate(sample())).isEqualTo(generate(sample()));
    }

    @Test
    void gzippedSalesGiveTheSameYamlAsPlainOnes() throws IOException {
        Path gzipped = directory.resolve("sales.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            Files.copy(sample(), out);
        }

        assertThat(generate(gzipped)).isEqualTo(generate(sample()));
    }

    @Test
    void headerSaysTheDataIsAssumedAndHowItWasMade() {
        String yaml = generate(sample());

        assertThat(yaml)
                .startsWith("# Assumed attributes for the Restock demo")
                .contains("# NONE OF THE NUMBERS IN THIS FILE ARE REAL.")
                .contains("restock demo generate-attributes")
                .contains("# From 19 lines")
                .contains("4 products, sales from 2010-12-01 to 2010-12-06 on 4 trading days");
    }

    @Test
    void derivesTermsFromHowEachProductSold() throws IOException {
        RetailAttributes attributes = generateAndLoad();

        assertThat(attributes.terms())
                .extracting(VendorTerms::sku)
                .containsExactly("22001", "22002", "22003", "85099B");
        VendorTerms mug = terms(attributes, "22001");
        assertThat(mug.vendor()).isEqualTo("KITCHEN");
        assertThat(mug.casePack()).isEqualByComparingTo("12");
        // Median of 1.80, 2.00, 2.00, 2.10, 2.50 is 2.00; half of it.
        assertThat(mug.cost()).isEqualByComparingTo("1.00");
        // A case costs 12.00, under 15: two cases.
        assertThat(mug.moq()).isEqualByComparingTo("24");
        // Five sale lines: made to order, kitchen vendor's 21 days + 14.
        assertThat(mug.leadTimeDays()).isEqualTo(35);
        assertThat(mug.vendorReference()).isEqualTo("KITCHEN-22001");
        VendorTerms candle = terms(attributes, "22002");
        assertThat(candle.vendor()).isEqualTo("LIGHTS");
        assertThat(candle.casePack()).isEqualByComparingTo("1");
        assertThat(candle.moq()).isEqualByComparingTo("30");
        assertThat(terms(attributes, "85099B").vendor()).isEqualTo("TEXTILE");
    }

    @Test
    void derivesStockPerWarehouseFromNetSalesThere() throws IOException {
        RetailAttributes attributes = generateAndLoad();

        assertThat(attributes.stock())
                .extracting(stock -> stock.sku() + "@" + stock.warehouse())
                .containsExactly(
                        "22001@LDN",
                        "22001@INTL",
                        "22002@LDN",
                        "22002@INTL",
                        "22003@INTL",
                        "85099B@LDN",
                        "85099B@INTL",
                        "KIT-0001@LDN");
        // 84 sold in the UK less 12 cancelled: 72 units over 4 trading days.
        StartingStock mug = stock(attributes, "22001", "LDN");
        int cover = RetailAttributesGenerator.coverDays("22001", "LDN");
        long expectedAvailable = Math.ceilDiv(Math.ceilDiv(72L * cover, TRADING_DAYS), 12) * 12;
        assertThat(mug.available()).isEqualByComparingTo(BigDecimal.valueOf(expectedAvailable));
        assertThat(mug.minStock()).isEqualByComparingTo("126");
        assertThat(mug.leadTimeDays()).isEqualTo(35);
        assertThat(mug.daysOfStock()).isEqualTo(28);
        // 126 + 72 x 2 x (35 + 28) / 4 = 2394, rounded up to cases of 12.
        assertThat(mug.maxStock()).isEqualByComparingTo("2400");
        StartingStock mugAbroad = stock(attributes, "22001", "INTL");
        assertThat(mugAbroad.leadTimeDays()).isEqualTo(42);
        assertThat(mugAbroad.daysOfStock()).isEqualTo(42);
    }

    @Test
    void buildsAGiftSetFromProductsBoughtTogether() throws IOException {
        RetailAttributes attributes = generateAndLoad();

        assertThat(attributes.assemblies()).singleElement().satisfies(kit -> {
            assertThat(kit.sku()).isEqualTo("KIT-0001");
            assertThat(kit.title()).isEqualTo("GIFT SET: HOME MUG + RED CANDLE + JUMBO BAG RED");
            // Median quantities 12, 5 and 10, over the smallest, 5.
            assertThat(kit.components()).extracting(Component::sku).containsExactly("22001", "22002", "85099B");
            assertThat(kit.components())
                    .extracting(component -> component.quantity().intValueExact())
                    .containsExactly(2, 1, 2);
            assertThat(kit.price()).isEqualByComparingTo("9.00");
        });
        assertThat(stock(attributes, "KIT-0001", "LDN").minStock()).isEqualByComparingTo("10");
    }

    @Test
    void salesFileWithoutTheExpectedColumnsIsRejectedByName() throws IOException {
        Path sales = Files.writeString(directory.resolve("sales.csv"), "InvoiceNo,StockCode\n1,A\n");

        assertThatThrownBy(() -> generate(sales))
                .isInstanceOf(RestockException.class)
                .hasMessageContaining("has no column Description, Quantity, InvoiceDate, UnitPrice, Country");
    }

    @Test
    void badQuantityNamesTheLine() throws IOException {
        String csv = Files.readString(sample()).replace("HOME MUG,24,", "HOME MUG,2x4,");
        Path sales = Files.writeString(directory.resolve("sales.csv"), csv);

        assertThatThrownBy(() -> generate(sales))
                .hasMessageContaining("line 6 (Quantity): expected a whole number, found '2x4'");
    }

    private RetailAttributes generateAndLoad() throws IOException {
        return RetailAttributes.load(Files.writeString(directory.resolve("attributes.yaml"), generate(sample())));
    }

    private static String generate(Path sales) {
        StringWriter out = new StringWriter();
        new RetailAttributesGenerator().generate(sales, out);
        return out.toString();
    }

    private static VendorTerms terms(RetailAttributes attributes, String sku) {
        return attributes.terms().stream()
                .filter(terms -> terms.sku().equals(sku))
                .findFirst()
                .orElseThrow();
    }

    private static StartingStock stock(RetailAttributes attributes, String sku, String warehouse) {
        return attributes.stock().stream()
                .filter(stock -> stock.sku().equals(sku) && stock.warehouse().equals(warehouse))
                .findFirst()
                .orElseThrow();
    }

    private static Path sample() {
        try {
            return Path.of(RetailAttributesGeneratorTest.class
                    .getResource("online-retail-sample.csv")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
