package dev.restock.cli;

import dev.restock.orders.NewOrderLine;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --line SKU=QTY[@COST]}; a malformed line is bad usage (exit code 2). Its numbers
 * are read as every decimal option is ({@link OptionConverters#decimal}): plain, no exponent.
 */
final class OrderLineConverter implements ITypeConverter<NewOrderLine> {

    /** {@code SKU=QUANTITY} or {@code SKU=QUANTITY@COST}; the last {@code =} splits, so a SKU may hold one. */
    private static final Pattern TEXT = Pattern.compile("(.+)=([^=@]+)(?:@([^=@]+))?");

    @Override
    public NewOrderLine convert(String value) {
        Matcher matcher = TEXT.matcher(value);
        if (!matcher.matches() || matcher.group(1).isBlank()) {
            throw new TypeConversionException(
                    "'" + value + "' is not a line; write SKU=QUANTITY or SKU=QUANTITY@COST, e.g. MUG-1=12@1.25.");
        }
        return new NewOrderLine(
                matcher.group(1).strip(),
                decimal(matcher.group(2), "quantity", value),
                matcher.group(3) == null ? null : decimal(matcher.group(3), "cost", value));
    }

    private static BigDecimal decimal(String number, String what, String line) {
        try {
            return OptionConverters.decimal(number);
        } catch (TypeConversionException e) {
            throw new TypeConversionException("the " + what + " in '" + line + "': " + e.getMessage());
        }
    }
}
