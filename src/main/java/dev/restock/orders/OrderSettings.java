package dev.restock.orders;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of stock orders ({@code restock.orders.*}).
 *
 * @param savedStatus the status a draft takes when it is saved to a connection (default
 *     {@code OPEN}); must be an order status of type {@code active}, checked when an order is saved
 *     because statuses can be added at any time
 * @param overReceiptTolerancePercent how far a line's received quantity may exceed its ordered
 *     quantity, in percent of the ordered quantity (default 0: never more than ordered)
 */
@ConfigurationProperties("restock.orders")
public record OrderSettings(String savedStatus, BigDecimal overReceiptTolerancePercent) {

    public static final String DEFAULT_SAVED_STATUS = "OPEN";

    public OrderSettings {
        if (savedStatus == null || savedStatus.isBlank()) {
            savedStatus = DEFAULT_SAVED_STATUS;
        }
        if (overReceiptTolerancePercent == null) {
            overReceiptTolerancePercent = BigDecimal.ZERO;
        }
        if (overReceiptTolerancePercent.signum() < 0) {
            throw new IllegalArgumentException(
                    "restock.orders.over-receipt-tolerance-percent must be zero or more, not "
                            + overReceiptTolerancePercent.toPlainString());
        }
    }

    public static OrderSettings defaults() {
        return new OrderSettings(null, null);
    }

    /** The most a line ordered {@code ordered} may have received in total. */
    BigDecimal receivableLimit(BigDecimal ordered) {
        return ordered.add(ordered.multiply(overReceiptTolerancePercent).movePointLeft(2));
    }
}
