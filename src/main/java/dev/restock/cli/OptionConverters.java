package dev.restock.cli;

import dev.restock.connections.ConnectionKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * How every option and parameter of a type is read, registered once for the whole command tree,
 * so that a value that cannot be read says what was expected rather than the JDK's exception:
 * "Invalid value for option '--date': 'notadate' is not a date (expected YYYY-MM-DD)".
 */
final class OptionConverters {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private OptionConverters() {}

    static void registerOn(CommandLine commandLine) {
        commandLine.registerConverter(LocalDate.class, OptionConverters::date);
        commandLine.registerConverter(BigDecimal.class, OptionConverters::decimal);
        commandLine.registerConverter(Integer.class, OptionConverters::wholeNumber);
        commandLine.registerConverter(int.class, OptionConverters::wholeNumber);
        commandLine.registerConverter(ConnectionKind.class, OptionConverters::connectionKind);
    }

    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date (expected YYYY-MM-DD)");
        }
    }

    /**
     * A quantity or price as entity files write one: digits, optionally a '.' and decimals. An
     * exponent ({@code 1e3}) is refused rather than read, as the files refuse it too.
     */
    static BigDecimal decimal(String value) {
        String text = value.strip();
        if (PLAIN_DECIMAL.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        if (isNumber(text)) {
            throw new TypeConversionException("'" + value + "' is not a plain decimal number (expected digits and"
                    + " an optional '.' with decimals, such as 1000 or 2.5; no exponent)");
        }
        throw new TypeConversionException("'" + value + "' is not a number (expected a decimal number such as 2.5)");
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Integer wholeNumber(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number (expected one such as 10)");
        }
    }

    static ConnectionKind connectionKind(String value) {
        return Arrays.stream(ConnectionKind.values())
                .filter(kind -> kind.code().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new TypeConversionException(
                        "'" + value + "' is not a connection kind (expected duckdb, postgresql or snowflake)"));
    }
}
