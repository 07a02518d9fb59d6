package dev.restock.connections.snowflake;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The parameters of one session, as the answers report them to the driver. AUTOCOMMIT is not
 * kept here: the session owns it, because it must follow the DuckDB connection's state.
 *
 * <p>Not thread-safe; its session guards it.
 */
final class FakeSnowflakeParameters {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /**
     * Starts from the defaults and applies the parameters the driver sent at login: every
     * connection property it does not know itself (TIMEZONE, JDBC_QUERY_RESULT_FORMAT, ...).
     * They are echoed back on purpose: the driver turns off out-of-band telemetry only when the
     * answer names CLIENT_OUT_OF_BAND_TELEMETRY_ENABLED, and renders timestamps in the TIMEZONE
     * the answer names.
     */
    FakeSnowflakeParameters(JsonNode fromClient) {
        putDefaults();
        fromClient
                .properties()
                .forEach(entry -> set(entry.getKey(), entry.getValue().asString()));
        values.remove("AUTOCOMMIT");
    }

    /**
     * Keeps a value with the JSON type the driver casts it to: it reads booleans and integers
     * from the answer with Java casts, so "false" must travel as false and "0" as 0.
     */
    void set(String name, String value) {
        String key = name.toUpperCase(Locale.ROOT);
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            values.put(key, Boolean.parseBoolean(value));
        } else if (values.get(key) instanceof Integer && value.matches("-?\\d+")) {
            values.put(key, Integer.parseInt(value));
        } else {
            values.put(key, value);
        }
    }

    /** Back to the default, or gone if there is none. */
    void unset(String name) {
        values.remove(name.toUpperCase(Locale.ROOT));
        putDefaults();
    }

    /** The session TIMEZONE, which decides what an LTZ bind stores in an NTZ column. */
    ZoneId timeZone() {
        return ZoneId.of(String.valueOf(values.get("TIMEZONE")));
    }

    /** A copy with AUTOCOMMIT added, ready to be written into an answer. */
    Map<String, Object> withAutoCommit(boolean autoCommit) {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("AUTOCOMMIT", autoCommit);
        copy.putAll(values);
        return copy;
    }

    /**
     * Defaults as a fresh Snowflake session reports them. CLIENT_STAGE_ARRAY_BINDING_THRESHOLD=0
     * keeps large batches inline instead of uploading them to a stage the fake does not have;
     * TIMEZONE defaults to the service's America/Los_Angeles, which is why Restock pins UTC; the
     * output formats are used by {@code getString} on dates and timestamps.
     */
    private void putDefaults() {
        values.putIfAbsent("CLIENT_STAGE_ARRAY_BINDING_THRESHOLD", 0);
        values.putIfAbsent("TIMEZONE", "America/Los_Angeles");
        values.putIfAbsent("CLIENT_TIMESTAMP_TYPE_MAPPING", "TIMESTAMP_LTZ");
        values.putIfAbsent("CLIENT_HONOR_CLIENT_TZ_FOR_TIMESTAMP_NTZ", true);
        values.putIfAbsent("TIMESTAMP_OUTPUT_FORMAT", "YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM");
        values.putIfAbsent("TIMESTAMP_NTZ_OUTPUT_FORMAT", "YYYY-MM-DD HH24:MI:SS.FF3");
        values.putIfAbsent("TIMESTAMP_LTZ_OUTPUT_FORMAT", "");
        values.putIfAbsent("TIMESTAMP_TZ_OUTPUT_FORMAT", "");
        values.putIfAbsent("DATE_OUTPUT_FORMAT", "YYYY-MM-DD");
        values.putIfAbsent("TIME_OUTPUT_FORMAT", "HH24:MI:SS");
        values.putIfAbsent("CLIENT_SESSION_KEEP_ALIVE", false);
        values.putIfAbsent("CLIENT_RESULT_CHUNK_SIZE", 160);
        values.putIfAbsent("CLIENT_PREFETCH_THREADS", 4);
        values.putIfAbsent("CLIENT_MEMORY_LIMIT", 1536);
        values.putIfAbsent("CLIENT_TELEMETRY_ENABLED", true);
    }
}
