package dev.restock.connections;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * Opens JDBC connections for a {@link Connection}, reading its secret at that moment so that it
 * lives only in the driver's properties. Each call opens a new physical connection.
 */
@Component
public class ConnectionOpener {

    public java.sql.Connection open(Connection connection) throws SQLException {
        Properties properties = new Properties();
        if (connection.kind() == ConnectionKind.SNOWFLAKE) {
            properties.putAll(SnowflakeDialect.SESSION_PARAMETERS);
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
            // Key-pair authentication: the driver reads the PEM file and signs its login token.
            if (!java.nio.file.Files.isReadable(connection.privateKeyFile())) {
                throw new ConnectionException("Connection '" + connection.name() + "' reads its private key from "
                        + connection.privateKeyFile() + ", which cannot be read.");
            }
            properties.put("authenticator", "SNOWFLAKE_JWT");
            properties.put("private_key_file", connection.privateKeyFile().toString());
            if (connection.privateKeyPassphrase() != null) {
                properties.put(
                        "private_key_file_pwd",
                        connection.privateKeyPassphrase().read(connection.name()));
            }
        } else if (connection.password() != null) {
            properties.put("password", connection.password().read(connection.name()));
        }
        return DriverManager.getConnection(connection.jdbcUrl(), properties);
    }

    /**
     * The text of a driver error with the connection's secret masked, for messages and the
     * order's last error: drivers are not known to echo passwords, but one that did must not
     * leak it into Restock's database or logs.
     */
    public String describe(Connection connection, Throwable error) {
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (error instanceof SQLException sql && sql.getErrorCode() != 0) {
            text = text + " (error " + sql.getErrorCode() + ", SQL state " + sql.getSQLState() + ")";
        }
        for (SecretReference reference :
                java.util.Arrays.asList(connection.password(), connection.privateKeyPassphrase())) {
            text = mask(text, connection, reference);
        }
        return text;
    }

    private static String mask(String text, Connection connection, SecretReference reference) {
        if (reference == null) {
            return text;
        }
        try {
            String secret = reference.read(connection.name());
            return secret.isEmpty() ? text : text.replace(secret, "****");
        } catch (ConnectionException unreadable) {
            return text;
        }
    }
}
