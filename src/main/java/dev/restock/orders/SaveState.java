package dev.restock.orders;

import java.util.Locale;

/** Where an order stands in saving to a connection. */
public enum SaveState {
    /** Never saved; editable. */
    EDITABLE,
    /** A push is running or died; read-only until it finishes or recovery settles it. */
    SAVING,
    /** Saved to a connection; read-only, changes come back only through sync. */
    SAVED,
    /** The last push failed and its rows were removed; editable, can be saved again. */
    SAVE_FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean readOnly() {
        return this == SAVING || this == SAVED;
    }

    public static SaveState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
