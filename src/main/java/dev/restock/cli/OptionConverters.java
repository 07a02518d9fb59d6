package dev.restock.cli;

import dev.restock.connections.ConnectionKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * How every option and parameter of a type is read, registered once for the whole command tree,
 * so that a value that cannot be read says what was expected rather than the JDK's exception:
 * "Invalid value for option '--date': 'notadate' is not a date (expected YYYY-MM-DD)".
 */
final class OptionConverters {

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

    static BigDecimal decimal(String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException(
                    "'" + value + "' is not a number (expected a decimal number such as 2.5)");
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
