package dev.restock.orders;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line to add to a stock order: a variant by SKU, the quantity to order and, optionally, the
 * unit cost (without it a purchase order line takes the vendor's cost for the variant, if known).
 */
public record NewOrderLine(String sku, BigDecimal quantity, BigDecimal costPrice) {

    /** {@code SKU=QUANTITY} or {@code SKU=QUANTITY@COST}; the last {@code =} splits, so a SKU may hold one. */
    private static final Pattern TEXT = Pattern.compile("(.+)=([^=@]+)(?:@([^=@]+))?");

    public NewOrderLine {
        if (sku == null || sku.isBlank()) {
            throw new StockOrderException("A line needs a SKU. Nothing was changed.");
        }
        if (quantity == null) {
            throw new StockOrderException("Line " + sku + " needs a quantity. Nothing was changed.");
        }
    }

    /**
     * Reads {@code SKU=QUANTITY[@COST]}, as the CLI's {@code --line} takes it.
     *
     * @throws StockOrderException naming the text when it does not have that form
     */
    public static NewOrderLine parse(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new StockOrderException(
                    "'" + text + "' is not a line; write SKU=QUANTITY or SKU=QUANTITY@COST, e.g. MUG-1=12@1.25.");
        }
        return new NewOrderLine(
                matcher.group(1).strip(),
                decimal(matcher.group(2), "quantity", text),
                matcher.group(3) == null ? null : decimal(matcher.group(3), "cost", text));
    }

    private static BigDecimal decimal(String value, String what, String text) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new StockOrderException(
                    "The " + what + " '" + value + "' in line '" + text + "' is not a number such as 12 or 1.25.");
        }
    }
}
