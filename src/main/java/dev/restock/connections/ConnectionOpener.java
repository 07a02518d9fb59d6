package dev.restock.connections;

import dev.restock.RestockException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;

/**
 * Opens JDBC connections for a {@link Connection}, reading its secret at that moment so that it
 * lives only in the driver's properties. Each call opens a new physical connection.
 *
 * <p>DuckDB lets one process at a time open a file for writing. The customer's own tools (the WMS
 * bridge of the examples, a notebook) open the {@code local} file too, for a moment each, so a
 * DuckDB file held by another process is waited for, up to {@link #DUCKDB_LOCK_WAIT}, before the
 * open fails with a message that says so.
 */
@Component
public class ConnectionOpener {

    private static final Logger log = LoggerFactory.getLogger(ConnectionOpener.class);

    /**
     * Driver properties a Snowflake connection gets unless it sets them itself. The driver waits
     * 300 s by default for a login that cannot succeed (an account that does not exist, no
     * network), retrying all the while and printing nothing; 30 s is ample for a real login.
     *
     * <p>{@code networkTimeout} is left at the driver's default (none): it is in milliseconds and
     * bounds the retries of every request of the session, including the polling for the result
     * of a statement still running, so a default short enough to matter would cut a long sync
     * read or a push waiting on a busy warehouse. A login that hangs is what
     * {@code loginTimeout} covers.
     */
    static final Map<String, String> SNOWFLAKE_DEFAULTS = Map.of("loginTimeout", "30");

    /** How long an open waits for a DuckDB file that another process holds. */
    static final Duration DUCKDB_LOCK_WAIT = Duration.ofSeconds(15);

    private final Duration duckDbLockWait;

    public ConnectionOpener() {
        this(DUCKDB_LOCK_WAIT);
    }

    ConnectionOpener(Duration duckDbLockWait) {
        this.duckDbLockWait = duckDbLockWait;
    }

    public java.sql.Connection open(Connection connection) throws SQLException {
        if (connection.kind() != ConnectionKind.DUCKDB) {
            return openOnce(connection);
        }
        return openWaitingForTheFile(connection, null);
    }

    /**
     * Opens a DuckDB connection, retrying while another process holds the file. {@code listener}
     * (may be null) hears each retry; tests use it to release the file at the right moment.
     */
    java.sql.Connection openWaitingForTheFile(Connection connection, RetryListener listener) throws SQLException {
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
                .predicate(ConnectionOpener::isFileHeldElsewhere)
                .delay(Duration.ofMillis(50))
                .multiplier(1.5)
                .maxDelay(Duration.ofMillis(500))
                .maxRetries(Long.MAX_VALUE)
                .timeout(duckDbLockWait)
                .build());
        retry.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable) {
                log.debug("Connection '{}': its DuckDB file is held by another process; waiting", connection.name());
                if (listener != null) {
                    listener.beforeRetry(policy, retryable);
                }
            }
        });
        try {
            return retry.execute(() -> openOnce(connection));
        } catch (RetryException failed) {
            Throwable last = failed.getCause() != null ? failed.getCause() : failed;
            if (isFileHeldElsewhere(last)) {
                throw new SQLException(
                        "The DuckDB file of connection '" + connection.name() + "' is held by another process"
                                + " (waited " + duckDbLockWait.toSeconds() + " s): " + last.getMessage(),
                        last);
            }
            if (last instanceof SQLException sql) {
                throw sql;
            }
            if (last instanceof RestockException restock) {
                throw restock;
            }
            throw new SQLException(last.getMessage(), last);
        }
    }

    /** DuckDB's refusal to open a file that another process has open for writing. */
    static boolean isFileHeldElsewhere(Throwable error) {
        String message = error.getMessage();
        return error instanceof SQLException
                && message != null
                && (message.contains("Could not set lock on file") || message.contains("Conflicting lock is held"));
    }

    private java.sql.Connection openOnce(Connection connection) throws SQLException {
        Properties properties = driverProperties(connection);
        try {
            return DriverManager.getConnection(connection.jdbcUrl(), properties);
        } catch (SQLException e) {
            if (connection.privateKeyFile() != null && isUnusablePrivateKey(e)) {
                throw unusablePrivateKey(connection, e);
            }
            throw e;
        }
    }

    /** What the driver is given: the connection's properties, Restock's settings and the secret. */
    Properties driverProperties(Connection connection) {
        Properties properties = new Properties();
        if (connection.kind() == ConnectionKind.SNOWFLAKE) {
            properties.putAll(SnowflakeDialect.SESSION_PARAMETERS);
            SNOWFLAKE_DEFAULTS.forEach((key, value) -> {
                if (!isSetByUser(connection, key)) {
                    properties.put(key, value);
                }
            });
        }
        properties.putAll(connection.properties());
        if (connection.kind() == ConnectionKind.SNOWFLAKE) {
            // Timestamp text is cast in the session's zone: it must be UTC whatever was configured.
            properties.put("TIMEZONE", "UTC");
        }
        if (connection.user() != null) {
            properties.put("user", connection.user());
        }
        if (connection.privateKeyFile() != null) {
            addPrivateKey(connection, properties);
        } else if (connection.password() != null) {
            properties.put("password", connection.password().read(connection.name(), SecretReference.PASSWORD));
        }
        return properties;
    }

    /** Key-pair authentication: the driver reads the PEM file and signs its login token. */
    private static void addPrivateKey(Connection connection, Properties properties) {
        if (!java.nio.file.Files.isReadable(connection.privateKeyFile())) {
            throw new ConnectionException("Connection '" + connection.name() + "' reads its private key from "
                    + connection.privateKeyFile() + ", which cannot be read.");
        }
        properties.put("authenticator", "SNOWFLAKE_JWT");
        properties.put("private_key_file", connection.privateKeyFile().toString());
        if (connection.privateKeyPassphrase() != null) {
            properties.put(
                    "private_key_file_pwd",
                    connection.privateKeyPassphrase().read(connection.name(), SecretReference.PASSPHRASE));
        }
    }

    /**
     * Whether the connection sets this driver property itself, as a property or a URL parameter.
     * The Snowflake driver reads both without regard to case, and a property would win over the
     * URL's parameter, so a default must not be added when either names it.
     */
    private static boolean isSetByUser(Connection connection, String key) {
        return connection.properties().keySet().stream().anyMatch(key::equalsIgnoreCase)
                || Pattern.compile("[?&;]" + Pattern.quote(key) + "=", Pattern.CASE_INSENSITIVE)
                        .matcher(connection.jdbcUrl())
                        .find();
    }

    /** The Snowflake driver's refusal of a key it could not decrypt or parse (its error 200045). */
    private static boolean isUnusablePrivateKey(SQLException error) {
        return error.getErrorCode() == 200045
                || (error.getMessage() != null && error.getMessage().startsWith("Private key provided is invalid"));
    }

    /**
     * The driver says only that the key "is invalid" and logs advice about Bouncy Castle that does
     * not apply (its logger is silenced in application.properties); what the user can change is
     * the passphrase or the file, so the message names the file and where the passphrase comes
     * from, never the passphrase.
     */
    private static ConnectionException unusablePrivateKey(Connection connection, SQLException error) {
        String passphrase = connection.privateKeyPassphrase() == null
                ? "it has no passphrase set, so an encrypted key needs --private-key-passphrase-env or"
                        + " --private-key-passphrase-file"
                : "most often the passphrase read from " + connection.privateKeyPassphrase() + " is wrong";
        return new ConnectionException(
                "Connection '" + connection.name() + "' could not decrypt or read its private key "
                        + connection.privateKeyFile() + ": " + passphrase + ", or the file is not a PKCS#8 private"
                        + " key in PEM form.",
                error);
    }

    /**
     * What to look at when the connection could not be opened, to follow "Check ": its URL, user
     * and what it signs in with, which for key-pair authentication is the private key (and where
     * its passphrase comes from), not a password.
     */
    static String whatToCheck(Connection connection) {
        if (connection.privateKeyFile() == null) {
            return "its URL, user and password source";
        }
        return "its URL, user and private key " + connection.privateKeyFile()
                + (connection.privateKeyPassphrase() == null ? "" : " with its passphrase source");
    }

    /**
     * The text of a driver error with the connection's secret masked, for messages and the
     * order's last error: drivers are not known to echo passwords, but one that did must not
     * leak it into Restock's database or logs. A URL the error quotes is masked too ({@link
     * SecretSettings#mask(String)}), for a connection stored with a secret in it. A driver's error
     * keeps its type, which says where it came from ({@code PSQLException: ...}); Restock's own
     * message is meant for the user as it is. It ends without a period: callers go on with their
     * own sentence.
     */
    public String describe(Connection connection, Throwable error) {
        String message = RestockException.clause(error.getMessage());
        String text =
                error instanceof RestockException ? message : error.getClass().getSimpleName() + ": " + message;
        if (error instanceof SQLException sql && sql.getErrorCode() != 0) {
            text = text + " (error " + sql.getErrorCode() + ", SQL state " + sql.getSQLState() + ")";
        }
        for (SecretReference reference :
                java.util.Arrays.asList(connection.password(), connection.privateKeyPassphrase())) {
            text = mask(text, connection, reference);
        }
        for (String secret : SecretSettings.secretValues(connection.jdbcUrl(), connection.properties())) {
            text = text.replace(secret, SecretSettings.MASK);
        }
        return SecretSettings.mask(text);
    }

    private static String mask(String text, Connection connection, SecretReference reference) {
        if (reference == null) {
            return text;
        }
        try {
            String secret = reference.read(connection.name(), SecretReference.PASSWORD);
            return secret.isEmpty() ? text : text.replace(secret, "****");
        } catch (ConnectionException unreadable) {
            return text;
        }
    }
}
