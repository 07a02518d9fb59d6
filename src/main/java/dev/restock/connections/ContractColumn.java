package dev.restock.connections;

/**
 * The columns of the connection table contract (DESIGN.md), in the order Restock writes them.
 * One row per order line; order fields repeat on every line.
 */
public enum ContractColumn {
    ID(Type.TEXT, true),
    REFERENCE(Type.TEXT, true),
    TYPE(Type.TEXT, true),
    STATUS(Type.TEXT, true),
    WAREHOUSE(Type.TEXT, true),
    VENDOR(Type.TEXT, true),
    SOURCE_WAREHOUSE(Type.TEXT, true),
    CURRENCY(Type.CURRENCY, true),
    CREATED_DATE(Type.TIMESTAMP, true),
    EXPECTED_DATE(Type.DATE, true),
    LINE_ITEM_ID(Type.TEXT, true),
    VARIANT_ID(Type.TEXT, true),
    SKU(Type.TEXT, true),
    BARCODE(Type.TEXT, true),
    TITLE(Type.TEXT, true),
    REPLENISHMENT(Type.DECIMAL, true),
    RECEIVED(Type.DECIMAL, true),
    RECEIVED_DATE(Type.DATE, true),
    COST_PRICE(Type.DECIMAL, true),
    REMOVED(Type.BOOLEAN, true),
    UPDATED_AT(Type.TIMESTAMP, true),
    /** Filled downstream; Restock leaves it NULL and does not require it. */
    EXTERNAL_ID(Type.TEXT, false);

    /** What a column holds; each dialect names the SQL type. */
    public enum Type {
        TEXT,
        /** An ISO 4217 code: three letters. */
        CURRENCY,
        /** A UTC wall clock without zone (Snowflake TIMESTAMP_NTZ). */
        TIMESTAMP,
        DATE,
        /** An exact decimal with 6 places, NUMBER(38,6). */
        DECIMAL,
        BOOLEAN
    }

    private final Type type;
    private final boolean required;

    ContractColumn(Type type, boolean required) {
        this.type = type;
        this.required = required;
    }

    public Type type() {
        return type;
    }

    public boolean required() {
        return required;
    }

    /** Restock writes every column but the downstream-only EXTERNAL_ID. */
    public boolean writtenByRestock() {
        return this != EXTERNAL_ID;
    }
}
