package dev.restock.connections;

/** PostgreSQL. */
final class PostgresDialect extends JavaTimeDialect {

    @Override
    public String typeName(ContractColumn.Type type) {
        return switch (type) {
            case TEXT -> "varchar";
            case CURRENCY -> "varchar(3)";
            case TIMESTAMP -> "timestamp";
            case DATE -> "date";
            case DECIMAL -> "numeric(38, 6)";
            case BOOLEAN -> "boolean";
        };
    }
}
