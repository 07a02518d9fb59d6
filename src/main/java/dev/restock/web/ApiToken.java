package dev.restock.web;

import dev.restock.RestockException;
import dev.restock.store.StoreProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The bearer token of the REST API. It comes from {@code restock.api.token}
 * ({@code RESTOCK_API_TOKEN}) when set; otherwise from the file {@code api-token} in the Restock
 * home, which is created with a random token (readable by its owner only) the first time the
 * server starts. The token itself is never logged; {@code serve} prints where the file is.
 */
@Component
@ConditionalOnWebApplication
public class ApiToken {

    private final byte[] token;
    private final Path file;

    ApiToken(StoreProperties store, @Value("${restock.api.token:}") String configured) {
        if (configured != null && !configured.isBlank()) {
            this.token = configured.strip().getBytes(StandardCharsets.UTF_8);
            this.file = null;
        } else {
            this.file = store.home().resolve("api-token");
            this.token = readOrCreate(file).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Whether {@code presented} is the token, compared in constant time. */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(token, presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Where the token is kept, for the user; "RESTOCK_API_TOKEN" when it comes from configuration. */
    public String source() {
        return file == null ? "the RESTOCK_API_TOKEN setting" : file.toString();
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file).strip();
                if (text.isEmpty()) {
                    throw new RestockException(
                            "The API token file " + file + " is empty; delete it and restart to get a new token.");
                }
                return text;
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String text = "rst_" + HexFormat.of().formatHex(random);
            Path temporary = Files.createTempFile(file.getParent(), "api-token", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the home folder's own permissions apply.
            }
            Files.writeString(temporary, text + "\n");
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return text;
        } catch (IOException e) {
            throw new RestockException("Cannot read or create the API token file " + file + ": " + e.getMessage(), e);
        }
    }
}
