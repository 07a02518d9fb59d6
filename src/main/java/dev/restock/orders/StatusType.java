package dev.restock.orders;

import java.util.Locale;

/** The type every order status belongs to; only {@link #ACTIVE} orders count as on order. */
public enum StatusType {
    DRAFT,
    ACTIVE,
    CLOSED,
    CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatusType fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
