package dev.restock.ingest.entities;

import java.util.Locale;

/**
 * One column of an entity file. A required column must be in the header and have a value on
 * every row; an optional one may be left out of the header or left empty, which means its default.
 */
record Column(String name, ColumnType type, boolean required) {

    static Column required(String name, ColumnType type) {
        return new Column(name, type, true);
    }

    static Column optional(String name, ColumnType type) {
        return new Column(name, type, false);
    }

    /** The column of the staging table; file columns are upper case, SQL names lower case. */
    String sqlName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
