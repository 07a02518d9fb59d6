package dev.restock.orders;

import java.util.Locale;
import java.util.Objects;

/** Who made a change, as recorded in an order's history. */
public record Actor(Type type, String name) {

    public enum Type {
        USER,
        SYNC,
        IMPORT,
        SYSTEM;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Actor {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An actor needs a name");
        }
    }

    public static Actor user(String name) {
        return new Actor(Type.USER, name);
    }

    /** Sync from a connection: the actor's name is the connection's. */
    public static Actor sync(String connection) {
        return new Actor(Type.SYNC, connection);
    }

    public static Actor system() {
        return new Actor(Type.SYSTEM, "restock");
    }
}
