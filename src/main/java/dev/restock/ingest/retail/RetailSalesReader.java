package dev.restock.ingest.retail;

import dev.restock.RestockException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an Online Retail CSV file (plain or gzip, told apart by its first bytes) into {@link
 * RetailSales}. A sale line is one whose invoice does not start with C and whose quantity and
 * unit price are above zero; a cancellation is a line whose invoice starts with C. Other lines
 * (stock adjustments, free items) and service codes such as postage are left out.
 */
final class RetailSalesReader {

    /** Stock codes of charges and services, not products: nothing to stock or buy. */
    static final Set<String> SERVICE_CODES =
            Set.of("POST", "DOT", "C2", "M", "D", "S", "B", "CRUK", "AMAZONFEE", "BANK CHARGES", "PADS");

    /** Gift vouchers (GIFT_0001_10 ...) are sold but never stocked or bought from a vendor. */
    static final String GIFT_VOUCHER_PREFIX = "GIFT_";

    private static final List<String> COLUMNS =
            List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "Country");

    private final Function<String, String> warehouseForCountry;
    private final Map<String, ItemSales> items = new TreeMap<>();
    private final Map<String, Set<String>> invoices = new TreeMap<>();
    private final TreeSet<LocalDate> tradingDays = new TreeSet<>();

    private RetailSalesReader(Function<String, String> warehouseForCountry) {
        this.warehouseForCountry = warehouseForCountry;
    }

    /** Reads {@code file}; each line's country is mapped to a warehouse code by the function. */
    static RetailSales read(Path file, Function<String, String> warehouseForCountry) {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(open(file), sha256);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            RetailSalesReader reader = new RetailSalesReader(warehouseForCountry);
            checkColumns(file, parser.getHeaderNames());
            long lines = 0;
            for (CSVRecord record : parser) {
                reader.add(file, record);
                lines++;
            }
            in.transferTo(OutputStream.nullOutputStream());
            return reader.result(lines, HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchFileException e) {
            throw new RestockException("The sales file " + file + " does not exist. Download the"
                    + " Online Retail data set from https://archive.ics.uci.edu/dataset/352/online+retail,"
                    + " save it as CSV, and pass it with --sales.");
        } catch (IOException | UncheckedIOException e) {
            throw new RestockException("Could not read the sales file " + file + ": " + e.getMessage(), e);
        }
    }

    private void add(Path file, CSVRecord record) {
        String sku = record.get("StockCode").strip().toUpperCase(Locale.ROOT);
        if (!isProduct(sku)) {
            return;
        }
        String invoice = record.get("InvoiceNo").strip();
        long quantity = quantity(file, record);
        BigDecimal price = price(file, record);
        String warehouse = warehouseForCountry.apply(record.get("Country"));
        if (invoice.startsWith("C")) {
            items.computeIfAbsent(sku, ItemSales::new).addCancellation(warehouse, quantity);
        } else if (quantity > 0 && price.signum() > 0) {
            String description =
                    String.join(" ", record.get("Description").strip().split("\\s+"));
            items.computeIfAbsent(sku, ItemSales::new).addSale(warehouse, quantity, price, description);
            invoices.computeIfAbsent(invoice, key -> new LinkedHashSet<>()).add(sku);
            tradingDays.add(day(file, record));
        }
    }

    private RetailSales result(long lines, String sha256) {
        // An item with cancellations only has no price to derive a cost from.
        var sold = new TreeMap<String, ItemSales>();
        items.values().stream().filter(item -> item.saleLines() > 0).forEach(item -> sold.put(item.sku(), item));
        Map<String, List<String>> skusByInvoice = new TreeMap<>();
        invoices.forEach((invoice, skus) -> skusByInvoice.put(invoice, List.copyOf(skus)));
        return new RetailSales(sold, skusByInvoice, tradingDays, lines, sha256);
    }

    static boolean isProduct(String sku) {
        return !sku.isEmpty() && !SERVICE_CODES.contains(sku) && !sku.startsWith(GIFT_VOUCHER_PREFIX);
    }

    private static long quantity(Path file, CSVRecord record) {
        String text = record.get("Quantity").strip();
        try {
            return new BigDecimal(text).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw badValue(file, record, "Quantity", text, "a whole number");
        }
    }

    private static BigDecimal price(Path file, CSVRecord record) {
        String text = record.get("UnitPrice").strip();
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw badValue(file, record, "UnitPrice", text, "a decimal number");
        }
    }

    /** The calendar day of an invoice time, as {@code 2010-12-01 08:26:00} or {@code 12/1/2010 8:26}. */
    private static LocalDate day(Path file, CSVRecord record) {
        String text = record.get("InvoiceDate").strip();
        try {
            String date = text.split("[ T]")[0];
            if (date.contains("/")) {
                String[] parts = date.split("/");
                return LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
            return LocalDate.parse(date);
        } catch (RuntimeException e) { // DateTimeException, NumberFormatException, a missing part
            throw badValue(file, record, "InvoiceDate", text, "a time such as 2010-12-01 08:26:00 or 12/1/2010 8:26");
        }
    }

    private static RestockException badValue(
            Path file, CSVRecord record, String column, String found, String expected) {
        return new RestockException(file + ", line " + (record.getRecordNumber() + 1) + " (" + column + "): expected "
                + expected + ", found '" + found + "'. Nothing was written.");
    }

    private static void checkColumns(Path file, List<String> header) {
        List<String> missing = new ArrayList<>(COLUMNS);
        missing.removeAll(header);
        if (!missing.isEmpty()) {
            throw new RestockException(file + " has no column " + String.join(", ", missing)
                    + "; expected the Online Retail header " + String.join(",", COLUMNS)
                    + ". Nothing was written.");
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
