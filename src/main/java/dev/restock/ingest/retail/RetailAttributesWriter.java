package dev.restock.ingest.retail;

import dev.restock.ingest.retail.RetailAttributes.Assembly;
import dev.restock.ingest.retail.RetailAttributes.Component;
import dev.restock.ingest.retail.RetailAttributes.StartingStock;
import dev.restock.ingest.retail.RetailAttributes.Vendor;
import dev.restock.ingest.retail.RetailAttributes.VendorTerms;
import dev.restock.ingest.retail.RetailAttributes.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes demo attributes as YAML by hand rather than through Jackson, so that the file is laid out
 * for reading and diffing: one flow-style line per vendor, SKU and stock row, the product's
 * description as a trailing comment, keys in a fixed order, and {@code \n} line ends everywhere.
 */
final class RetailAttributesWriter {

    private final Writer out;

    private RetailAttributesWriter(Writer out) {
        this.out = out;
    }

    /**
     * @param header comment lines, written with a leading "# "
     * @param titles descriptions by SKU, written as comments; not part of the data
     */
    static void write(RetailAttributes attributes, String header, Map<String, String> titles, Writer out) {
        try {
            new RetailAttributesWriter(out).document(attributes, header, titles);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void document(RetailAttributes attributes, String header, Map<String, String> titles) throws IOException {
        for (String line : header.strip().split("\n", -1)) {
            line(line.isEmpty() ? "#" : "# " + line);
        }
        line("");
        line("timeZone: " + attributes.timeZone());
        line("currency: " + attributes.currency());
        line("");
        line("warehouses:");
        for (Warehouse warehouse : attributes.warehouses()) {
            line("  - {code: %s, name: %s, timeZone: %s}"
                    .formatted(warehouse.code(), quoted(warehouse.name()), warehouse.timeZone()));
        }
        line("countryWarehouses:");
        for (var entry : new TreeMap<>(attributes.countryWarehouses()).entrySet()) {
            line("  %s: %s".formatted(quoted(entry.getKey()), entry.getValue()));
        }
        line("otherCountriesWarehouse: " + attributes.otherCountriesWarehouse());
        line("");
        line("vendors:");
        for (Vendor vendor : attributes.vendors()) {
            line("  - {code: %s, name: %s, currency: %s, leadTimeDays: %d}"
                    .formatted(vendor.code(), quoted(vendor.name()), vendor.currency(), vendor.leadTimeDays()));
        }
        line("");
        line("terms:");
        for (VendorTerms terms : attributes.terms()) {
            line(terms(terms) + comment(titles.get(terms.sku())));
        }
        line("");
        line("stock:");
        for (StartingStock stock : attributes.stock()) {
            line(stock(stock));
        }
        line("");
        line("assemblies:");
        for (Assembly assembly : attributes.assemblies()) {
            assembly(assembly, titles);
        }
    }

    private static String terms(VendorTerms terms) {
        String leadTime = terms.leadTimeDays() == null ? "" : ", leadTimeDays: " + terms.leadTimeDays();
        return "  - {sku: %s, vendor: %s, cost: %s, moq: %s, casePack: %s%s, vendorReference: %s}"
                .formatted(
                        quoted(terms.sku()),
                        terms.vendor(),
                        money(terms.cost()),
                        number(terms.moq()),
                        number(terms.casePack()),
                        leadTime,
                        quoted(terms.vendorReference()));
    }

    private static String stock(StartingStock stock) {
        return ("  - {sku: %s, warehouse: %s, available: %s, minStock: %s, maxStock: %s,"
                        + " leadTimeDays: %d, daysOfStock: %d}")
                .formatted(
                        quoted(stock.sku()),
                        stock.warehouse(),
                        number(stock.available()),
                        number(stock.minStock()),
                        number(stock.maxStock()),
                        stock.leadTimeDays(),
                        stock.daysOfStock());
    }

    private void assembly(Assembly assembly, Map<String, String> titles) throws IOException {
        line("  - sku: " + quoted(assembly.sku()));
        line("    title: " + quoted(assembly.title()));
        line("    price: " + money(assembly.price()));
        line("    components:");
        for (Component component : assembly.components()) {
            line("      - {sku: %s, quantity: %s}".formatted(quoted(component.sku()), number(component.quantity()))
                    + comment(titles.get(component.sku())));
        }
    }

    private void line(String text) throws IOException {
        out.write(text);
        out.write('\n');
    }

    private static String comment(String title) {
        return title == null ? "" : "  # " + title;
    }

    /** Always double-quoted, so that a SKU such as 10002 stays text and never becomes a number. */
    static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** At least two decimals, as prices are usually written; more when the value has them. */
    static String money(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
    }
}
