package dev.restock.connections;

/** DuckDB, the local connection. */
final class DuckDbDialect extends JavaTimeDialect {

    @Override
    public String typeName(ContractColumn.Type type) {
        return switch (type) {
            case TEXT -> "VARCHAR";
            case CURRENCY -> "VARCHAR(3)";
            case TIMESTAMP -> "TIMESTAMP";
            case DATE -> "DATE";
            case DECIMAL -> "DECIMAL(38, 6)";
            case BOOLEAN -> "BOOLEAN";
        };
    }
}
