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
 * @param eventLinesLimit the most lines a stock order event carries (default 1,000); the event of
 *     a larger order carries the order without its lines, which a receiver reads from the
 *     connection's table or the API. Bounds the size of a webhook (a 1,000-line order is about
 *     200 KB of JSON; a 100,000-line one would be 19 MB, more than most receivers accept) and the
 *     cost of writing the event in the save's transaction.
 */
@ConfigurationProperties("restock.orders")
public record OrderSettings(String savedStatus, BigDecimal overReceiptTolerancePercent, Integer eventLinesLimit) {

    public static final String DEFAULT_SAVED_STATUS = "OPEN";
    public static final int DEFAULT_EVENT_LINES_LIMIT = 1_000;

    public OrderSettings {
        if (savedStatus == null || savedStatus.isBlank()) {
            savedStatus = DEFAULT_SAVED_STATUS;
        }
        if (overReceiptTolerancePercent == null) {
            overReceiptTolerancePercent = BigDecimal.ZERO;
        }
        if (overReceiptTolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("restock.orders.over-receipt-tolerance-percent must be zero or more");
        }
        if (eventLinesLimit == null) {
            eventLinesLimit = DEFAULT_EVENT_LINES_LIMIT;
        }
        if (eventLinesLimit < 0) {
            throw new IllegalArgumentException("restock.orders.event-lines-limit must be zero or more");
        }
    }

    public static OrderSettings defaults() {
        return new OrderSettings(null, null, null);
    }

    /** The most a line ordered {@code ordered} may have received in total. */
    BigDecimal receivableLimit(BigDecimal ordered) {
        return ordered.add(ordered.multiply(overReceiptTolerancePercent).movePointLeft(2));
    }
}
