package dev.restock.ingest.entities;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How the text of one column is read, checked and staged. Every parser receives non-empty text
 * with surrounding spaces removed and throws {@link InvalidValueException} saying what it expected.
 */
enum ColumnType {
    TEXT("text", "text", text -> text),
    DECIMAL("numeric(38, 6)", "a decimal number such as 12.5", ColumnType::decimal),
    NON_NEGATIVE_DECIMAL(
            "numeric(38, 6)",
            "a decimal number of 0 or more",
            text -> atLeast(decimal(text), 0, "must not be negative")),
    POSITIVE_DECIMAL(
            "numeric(38, 6)",
            "a decimal number greater than 0",
            text -> atLeast(decimal(text), 1, "must be greater than 0")),
    NON_NEGATIVE_INTEGER("integer", "a whole number of 0 or more", ColumnType::nonNegativeInteger),
    BOOLEAN("boolean", "true or false", ColumnType::bool),
    INSTANT("timestamptz", "an ISO-8601 time with offset such as 2024-03-01T10:15:00Z", ColumnType::instant),
    CURRENCY("text", "a three-letter ISO 4217 currency code such as EUR", ColumnType::currency),
    TIME_ZONE("text", "an IANA time zone such as Europe/London or UTC", ColumnType::timeZone),
    VARIANT_TYPE("text", "one of simple, bundle, assembly", ColumnType::variantType),
    SALES_KIND("text", "one of sale, return, cancellation, adjustment", ColumnType::salesKind);

    private static final List<String> VARIANT_TYPES = List.of("simple", "bundle", "assembly");
    private static final List<String> SALES_KINDS = List.of("sale", "return", "cancellation", "adjustment");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]{3}");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    /** numeric(38, 6) in the schema: at most 32 digits before the point and 6 after. */
    private static final int MAX_SCALE = 6;

    private static final int MAX_INTEGER_DIGITS = 32;

    /** Digits only, as docs/entity-files.md writes a whole number: {@code 14}, not {@code 14.0}. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+");

    private final String sqlType;
    private final String expected;
    private final Function<String, Object> parser;

    ColumnType(String sqlType, String expected, Function<String, Object> parser) {
        this.sqlType = sqlType;
        this.expected = expected;
        this.parser = parser;
    }

    /** The value to bind for non-empty, stripped text. */
    Object parse(String text) {
        return parser.apply(text);
    }

    String sqlType() {
        return sqlType;
    }

    /** What a valid value looks like, for messages and the documentation. */
    String expected() {
        return expected;
    }

    private static BigDecimal decimal(String text) {
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new InvalidValueException("'" + text + "' is not a number; expected a decimal number such as 12.5"
                    + " (a '.' before decimals, no thousands separators, no exponent)");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > MAX_SCALE) {
            throw new InvalidValueException(
                    "'" + text + "' has more than " + MAX_SCALE + " decimal places; Restock keeps 6 exactly");
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidValueException("'" + text + "' is too large");
        }
        return value;
    }

    /** {@code minimumSignum} 0 allows zero, 1 requires more than zero. */
    private static BigDecimal atLeast(BigDecimal value, int minimumSignum, String problem) {
        if (value.signum() < minimumSignum) {
            throw new InvalidValueException("'" + value.toPlainString() + "' " + problem);
        }
        return value;
    }

    private static Integer nonNegativeInteger(String text) {
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new InvalidValueException("'" + text + "' is not a number; expected a whole number of 0 or more"
                    + " such as 14 (no thousands separators, no exponent)");
        }
        BigDecimal value = decimal(text);
        if (value.signum() < 0) {
            throw new InvalidValueException("'" + text + "' must not be negative");
        }
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new InvalidValueException(
                    "'" + text + "' is not a whole number; expected digits only, such as 14 (no decimal point)");
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValueException("'" + text + "' is not a whole number of at most 2147483647");
        }
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidValueException("'" + text + "' is not true or false");
        };
    }

    /** UTC, so that PostgreSQL stores the instant and nothing depends on the session time zone. */
    private static OffsetDateTime instant(String text) {
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("'" + text + "' is not an ISO-8601 time with offset;"
                    + " expected a value such as 2024-03-01T10:15:00Z or 2024-03-01T11:15:00+01:00");
        }
    }

    private static String currency(String text) {
        if (!LETTERS.matcher(text).matches()) {
            throw new InvalidValueException(
                    "'" + text + "' is not a currency code; expected three letters (ISO 4217) such as EUR");
        }
        return text.toUpperCase(Locale.ROOT);
    }

    /**
     * Region ids only: PostgreSQL reads an offset such as {@code +02:00} as a POSIX zone with the
     * opposite sign, which would silently move every sale to another day.
     */
    private static String timeZone(String text) {
        if (!ZONES.contains(text) && !text.equals("UTC")) {
            throw new InvalidValueException(
                    "'" + text + "' is not a time zone; expected an IANA name such as Europe/London or UTC");
        }
        return text;
    }

    private static String variantType(String text) {
        return oneOf(text, VARIANT_TYPES);
    }

    private static String salesKind(String text) {
        return oneOf(text, SALES_KINDS);
    }

    private static String oneOf(String text, List<String> allowed) {
        String value = text.toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new InvalidValueException(
                    "'" + text + "' is not allowed; expected one of " + String.join(", ", allowed));
        }
        return value;
    }
}
