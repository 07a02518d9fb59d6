package dev.restock.ingest.retail;

import dev.restock.ingest.ImportException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The columns of the Online Retail format and how each value is read and checked. */
final class RetailColumns {

    /** Decimal places and digits before the point that sales_lines' numeric(38,6) holds. */
    private static final int MAX_SCALE = 6;

    private static final int MAX_INTEGER_DIGITS = 32;

    static final List<String> HEADER = List.of(
            "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country");

    /** The CSV copies write {@code 2010-12-01 08:26:00}; the UCI original is Excel dates. */
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);

    private final String file;

    RetailColumns(String file) {
        this.file = file;
    }

    void checkHeader(List<String> header) {
        List<String> trimmed = header.stream().map(String::trim).toList();
        for (int i = 0; i < HEADER.size(); i++) {
            String expected = HEADER.get(i);
            if (i >= trimmed.size()) {
                throw new ImportException(
                        file,
                        1,
                        i + 1,
                        expected,
                        "missing column " + expected + "; expected the header " + String.join(",", HEADER));
            }
            if (!trimmed.get(i).equalsIgnoreCase(expected)) {
                throw new ImportException(
                        file,
                        1,
                        i + 1,
                        expected,
                        "found column '" + trimmed.get(i) + "' where " + expected
                                + " was expected; expected the header " + String.join(",", HEADER));
            }
        }
        if (trimmed.size() > HEADER.size()) {
            int extra = HEADER.size() + 1;
            throw new ImportException(
                    file,
                    1,
                    extra,
                    trimmed.get(HEADER.size()),
                    "unknown extra column '" + trimmed.get(HEADER.size()) + "'; expected the header "
                            + String.join(",", HEADER));
        }
    }

    /** Reads one data line; {@code time} is given when the source already parsed it (Excel). */
    RetailLine read(long line, List<String> values, LocalDateTime time) {
        if (values.size() != HEADER.size()) {
            checkNoQuoteLeftOpen(line, values);
            throw new ImportException(
                    file,
                    line,
                    Math.min(values.size(), HEADER.size()) + 1,
                    null,
                    "found " + values.size() + " fields; expected " + HEADER.size() + " (" + String.join(",", HEADER)
                            + ")");
        }
        String invoice = required(line, 0, values);
        String stockCode = required(line, 1, values);
        BigDecimal quantity = integer(line, 3, values.get(3));
        LocalDateTime invoiceTime = time != null ? time : dateTime(line, values.get(4));
        BigDecimal unitPrice = decimal(line, 5, values.get(5));
        if (unitPrice.signum() < 0) {
            checkNegativePriceIsNoProduct(line, stockCode, values.get(5));
        }
        return new RetailLine(
                line,
                invoice,
                stockCode,
                values.get(2).trim(),
                quantity,
                invoiceTime,
                unitPrice,
                customer(line, values.get(6)),
                values.get(7).trim());
    }

    /**
     * A quote that is never closed makes the parser read on, over the ends of lines, into one
     * field: the line then seems short of fields, but the quote is what to fix.
     */
    void checkNoQuoteLeftOpen(long line, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            int end = value.indexOf('\n') >= 0 ? value.indexOf('\n') : value.indexOf('\r');
            // A quote left open on the file's last line runs to its end without a line break:
            // the line is then short of fields and its last field holds the commas.
            boolean runsToTheEnd =
                    end < 0 && values.size() < HEADER.size() && i == values.size() - 1 && value.indexOf(',') >= 0;
            if (end >= 0 || runsToTheEnd) {
                end = end >= 0 ? end : value.length();
                throw new ImportException(
                        file,
                        line,
                        i + 1,
                        i < HEADER.size() ? HEADER.get(i) : null,
                        "'\"" + value.substring(0, Math.min(end, 40)) + "' opens a quoted value that is never closed"
                                + " on its line (it runs on into the lines after it); expected a closing quote (\")"
                                + " before the end of the line, or no quote");
            }
        }
    }

    /**
     * The data set's only negative prices are its two "Adjust bad debt" lines (code B), which are
     * not products and are skipped; on a product line a negative price is bad input.
     */
    private void checkNegativePriceIsNoProduct(long line, String stockCode, String raw) {
        String sku = RetailLineKind.sku(stockCode);
        if (RetailLineKind.skipReason(sku).isEmpty()) {
            throw new ImportException(
                    file,
                    line,
                    6,
                    "UnitPrice",
                    "'" + raw.trim() + "' is a negative price for product " + sku + "; expected 0 or more (only"
                            + " lines that are not products, such as B for bad debt adjustments, carry a negative"
                            + " price)");
        }
    }

    private String required(long line, int column, List<String> values) {
        String value = values.get(column).trim();
        if (value.isEmpty()) {
            throw new ImportException(file, line, column + 1, HEADER.get(column), "empty; a value is required");
        }
        return value;
    }

    private BigDecimal integer(long line, int column, String raw) {
        if (!isPlainNumber(raw.trim())) {
            throw new ImportException(
                    file,
                    line,
                    column + 1,
                    HEADER.get(column),
                    "'" + raw + "' is not a number; expected a whole number such as 12 or -3");
        }
        BigDecimal value = decimal(line, column, raw);
        if (value.stripTrailingZeros().scale() > 0) {
            throw new ImportException(
                    file,
                    line,
                    column + 1,
                    HEADER.get(column),
                    "'" + raw + "' is not a whole number; expected a whole number such as 12 or -3");
        }
        return value.setScale(0);
    }

    private BigDecimal decimal(long line, int column, String raw) {
        if (!isPlainNumber(raw.trim())) {
            throw new ImportException(
                    file,
                    line,
                    column + 1,
                    HEADER.get(column),
                    "'" + raw + "' is not a number; expected a decimal number such as 2.55");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw new ImportException(
                    file,
                    line,
                    column + 1,
                    HEADER.get(column),
                    "'" + raw + "' is not a number; expected a decimal number such as 2.55");
        }
        // Refused, not rounded: sales_lines keeps numeric(38,6), as the entity files' rule says.
        if (value.scale() > MAX_SCALE) {
            throw new ImportException(
                    file,
                    line,
                    column + 1,
                    HEADER.get(column),
                    "'" + raw.trim() + "' has more than " + MAX_SCALE
                            + " decimal places; Restock keeps 6 exactly (refused, not rounded)");
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new ImportException(
                    file,
                    line,
                    column + 1,
                    HEADER.get(column),
                    "'" + raw.trim() + "' is too large; expected at most " + MAX_INTEGER_DIGITS
                            + " digits before the decimal point");
        }
        return value;
    }

    private LocalDateTime dateTime(long line, String raw) {
        LocalDateTime fast = fixedWidthDateTime(raw);
        if (fast != null) {
            return fast;
        }
        try {
            return LocalDateTime.parse(raw.trim(), CSV_TIME);
        } catch (DateTimeParseException e) {
            throw new ImportException(
                    file,
                    line,
                    5,
                    "InvoiceDate",
                    "'" + raw + "' is not a date and time; expected yyyy-MM-dd HH:mm:ss such as 2010-12-01 08:26:00");
        }
    }

    /** Digits with an optional sign and decimal point; no exponent (1e3), as in the entity files. */
    private static boolean isPlainNumber(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        boolean digits = false;
        boolean point = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits;
    }

    /**
     * Parses the data set's usual {@code yyyy-MM-dd HH:mm:ss} by position: a formatter costs
     * more than the rest of a line. Returns null for any other shape, which the formatter reads.
     */
    private static LocalDateTime fixedWidthDateTime(String raw) {
        if (raw.length() != 19
                || raw.charAt(4) != '-'
                || raw.charAt(7) != '-'
                || raw.charAt(10) != ' '
                || raw.charAt(13) != ':'
                || raw.charAt(16) != ':') {
            return null;
        }
        int year = digits(raw, 0, 4);
        int month = digits(raw, 5, 2);
        int day = digits(raw, 8, 2);
        int hour = digits(raw, 11, 2);
        int minute = digits(raw, 14, 2);
        int second = digits(raw, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The data set writes customer ids as floats ({@code 17850.0}); keep the integer. */
    private String customer(long line, String raw) {
        String value = raw.trim();
        if (value.isEmpty()) {
            return null;
        }
        if (value.endsWith(".0")) {
            value = value.substring(0, value.length() - 2);
        }
        if (!value.chars().allMatch(Character::isLetterOrDigit)) {
            throw new ImportException(
                    file,
                    line,
                    7,
                    "CustomerID",
                    "'" + raw + "' is not a customer id; expected a number such as 17850 or 17850.0, or nothing");
        }
        return value;
    }
}
