package dev.restock.connections;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a connection's password is read from when it is opened: an environment variable or a
 * file. Only the name of the variable or file is stored and printed, never the secret.
 */
public record SecretReference(String environmentVariable, Path file) {

    static final String PASSWORD = "password";
    static final String PASSPHRASE = "private key passphrase";

    public SecretReference {
        if ((environmentVariable == null) == (file == null)) {
            throw new ConnectionException("A secret is read from either an environment variable or a file.");
        }
    }

    public static SecretReference environment(String variable) {
        return new SecretReference(variable, null);
    }

    public static SecretReference file(Path file) {
        return new SecretReference(null, file);
    }

    /**
     * Reads the secret now; the message of a failure names where it looked, not what it found.
     *
     * @param secret what the secret is, for the message: "password", "private key passphrase"
     */
    String read(String connection, String secret) {
        if (environmentVariable != null) {
            String value = System.getenv(environmentVariable);
            if (value == null || value.isEmpty()) {
                throw new ConnectionException("Connection '" + connection + "' reads its " + secret
                        + " from environment variable " + environmentVariable + ", which is not set.");
            }
            return value;
        }
        try {
            // Editors and `echo` end files with a newline that is not part of the password.
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConnectionException("Connection '" + connection + "' reads its " + secret + " from " + file
                    + ", which cannot be read: " + e.getClass().getSimpleName() + ".");
        }
    }

    @Override
    public String toString() {
        return environmentVariable != null ? "env:" + environmentVariable : "file:" + file;
    }
}
