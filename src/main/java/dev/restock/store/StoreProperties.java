package dev.restock.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Restock keeps its own data.
 *
 * @param home the Restock home folder (embedded PostgreSQL, the local DuckDB connection);
 *     {@code RESTOCK_HOME} or {@code --home}, default {@code ~/.restock}
 * @param dbUrl JDBC URL of an external PostgreSQL ({@code RESTOCK_DB_URL}); when set, no
 *     embedded server is started
 * @param dbUser user for {@code dbUrl} ({@code RESTOCK_DB_USER})
 * @param dbPassword password for {@code dbUrl} ({@code RESTOCK_DB_PASSWORD}); never logged
 */
@ConfigurationProperties("restock")
public record StoreProperties(Path home, String dbUrl, String dbUser, String dbPassword) {

    public StoreProperties {
        if (home == null) {
            home = defaultHome();
        }
        home = home.toAbsolutePath().normalize();
    }

    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".restock");
    }

    public boolean usesExternalDatabase() {
        return dbUrl != null && !dbUrl.isBlank();
    }

    @Override
    public String toString() {
        return "StoreProperties[home=" + home + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", dbPassword="
                + (dbPassword == null ? "null" : "****") + "]";
    }
}
