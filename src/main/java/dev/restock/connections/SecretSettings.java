package dev.restock.connections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for secrets in a connection's settings, which are stored and printed: a JDBC URL
 * must not carry a password in its user info ({@code //user:password@host}), and no URL parameter
 * or driver property may be named like a secret. Secrets come from files and environment
 * variables ({@link SecretReference}) instead.
 *
 * <p>The same rule masks such values ({@value #MASK}) wherever settings or a driver's error are
 * shown, for connections stored before the rule was this strict.
 */
public final class SecretSettings {

    public static final String MASK = "***";

    /** The password of URL user info: what lies between {@code //user:} and the last {@code @}. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#\\s:@]*:)([^/?#\\s]+)@");

    /** A {@code name=value} parameter of a URL (or of text quoting one), its value up to the next one. */
    private static final Pattern PARAMETER =
            Pattern.compile("(^|[?&;,\\s])([A-Za-z0-9_.\\-]+)(\\s*=\\s*)([^&;,#\\s]*)");

    private static final String ADVICE = "Settings are stored and printed, so secrets are read from a file or an"
            + " environment variable: use --password-file or --password-env for a password, --private-key-file"
            + " with --private-key-passphrase-file or --private-key-passphrase-env for a key.";

    private SecretSettings() {}

    /**
     * Whether a URL parameter or driver property of this name holds a secret, case-insensitively:
     * passwords and passphrases ({@code password}, {@code pwd}, {@code sslpassword},
     * {@code private_key_file_pwd}), tokens and OAuth settings, and private keys themselves
     * ({@code private_key_base64}, {@code privateKey}); a key is given as a file with
     * {@code --private-key-file}.
     */
    public static boolean isSecretName(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.contains("password")
                || lower.contains("passwd")
                || lower.contains("passcode")
                || lower.contains("secret")
                || lower.contains("token")
                || lower.contains("credential")
                || lower.contains("apikey")
                || lower.contains("api_key")
                || lower.endsWith("pwd")
                || lower.startsWith("oauth")
                || lower.startsWith("private_key")
                || lower.startsWith("privatekey");
    }

    /**
     * Refuses settings that carry a secret, naming the URL part or property but never its value.
     *
     * @throws ConnectionException naming what to remove and the options that name a secret's source
     */
    public static void refuseSecrets(String connection, String jdbcUrl, Map<String, String> properties) {
        if (jdbcUrl != null && USER_INFO_PASSWORD.matcher(jdbcUrl).find()) {
            throw new ConnectionException("The JDBC URL of connection '" + connection + "' contains a password"
                    + " (user:password@host); remove it. " + ADVICE);
        }
        if (jdbcUrl != null) {
            Matcher parameter = PARAMETER.matcher(jdbcUrl);
            while (parameter.find()) {
                if (isSecretName(parameter.group(2))) {
                    throw new ConnectionException("The JDBC URL of connection '" + connection + "' has the"
                            + " parameter '" + parameter.group(2) + "', which holds a secret; remove it. " + ADVICE);
                }
            }
        }
        for (String key : properties == null ? Map.<String, String>of().keySet() : properties.keySet()) {
            if (isSecretName(key)) {
                throw new ConnectionException("Driver property '" + key + "' of connection '" + connection
                        + "' holds a secret; remove it. " + ADVICE);
            }
        }
    }

    /**
     * The text with every URL user-info password and every value of a parameter named like a
     * secret replaced by {@value #MASK}: for a URL, or a message that may quote one.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO_PASSWORD
                .matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK + "@"));
        return PARAMETER
                .matcher(masked)
                .replaceAll(match -> Matcher.quoteReplacement(
                        isSecretName(match.group(2))
                                ? match.group(1) + match.group(2) + match.group(3) + MASK
                                : match.group()));
    }

    /**
     * The secrets a URL and properties carry, as written there: for masking them in a driver's
     * message that quotes one without its name. Values under four characters are left out; they
     * would mask too much of an ordinary message.
     */
    static List<String> secretValues(String jdbcUrl, Map<String, String> properties) {
        List<String> values = new ArrayList<>();
        if (jdbcUrl != null) {
            USER_INFO_PASSWORD.matcher(jdbcUrl).results().forEach(match -> values.add(match.group(2)));
            PARAMETER
                    .matcher(jdbcUrl)
                    .results()
                    .filter(match -> isSecretName(match.group(2)))
                    .forEach(match -> values.add(match.group(4)));
        }
        properties.forEach((key, value) -> {
            if (isSecretName(key) && value != null) {
                values.add(value);
            }
        });
        return values.stream().filter(value -> value.length() >= 4).toList();
    }

    /** The properties with the value of each one named like a secret replaced by {@value #MASK}. */
    public static Map<String, String> mask(Map<String, String> properties) {
        Map<String, String> masked = new LinkedHashMap<>();
        properties.forEach((key, value) -> masked.put(key, isSecretName(key) ? MASK : value));
        return masked;
    }
}
