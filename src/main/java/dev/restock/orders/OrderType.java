package dev.restock.orders;

import java.util.Arrays;

/** What a stock order moves: bought from a vendor, moved between warehouses, or assembled. */
public enum OrderType {
    PO("po", "PO"),
    TRANSFER("transfer", "TO"),
    ASSEMBLY("assembly", "AO");

    private final String code;
    private final String referencePrefix;

    OrderType(String code, String referencePrefix) {
        this.code = code;
        this.referencePrefix = referencePrefix;
    }

    /** The value stored in Restock's database and written to the connection's TYPE column. */
    public String code() {
        return code;
    }

    String referencePrefix() {
        return referencePrefix;
    }

    public static OrderType fromCode(String code) {
        return Arrays.stream(values())
                .filter(type -> type.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown order type '" + code + "'"));
    }
}
