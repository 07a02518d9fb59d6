package dev.restock.connections;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
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

    /** The same with the colon percent-encoded ({@code //user%3Apassword@host}), for masking. */
    private static final Pattern ENCODED_USER_INFO_PASSWORD = Pattern.compile("(//[^/?#\\s:@%]*%3[aA])([^/?#\\s@]+)@");

    /**
     * A {@code name=value} parameter of a URL (or of text quoting one), its value up to the next
     * one. Names are anything up to the {@code =}: encoded ({@code %70assword}) and non-ASCII
     * ({@code paſsword}) names are judged by {@link #isSecretName} once decoded and folded.
     */
    private static final Pattern PARAMETER =
            Pattern.compile("(^|[?&;,#\\s])([^?&;,#\\s='\"]+)(\\s*=\\s*)([^&;,#\\s'\"]*)");

    /** What separates a URL's parameters, and its path and fragment from them, in any JDBC driver. */
    private static final Pattern URL_SEPARATORS = Pattern.compile("[?&;#,\\s]");

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
        String folded = folded(name);
        return folded.contains("password")
                || folded.contains("passwd")
                || folded.contains("passcode")
                || folded.contains("secret")
                || folded.contains("token")
                || folded.contains("credential")
                || folded.contains("apikey")
                || folded.endsWith("pwd")
                || folded.startsWith("oauth")
                || folded.startsWith("privatekey");
    }

    /**
     * A name as a driver may read it, reduced to lower-case ASCII letters and digits: percent
     * escapes decoded (again and again, for {@code %2570}), compatibility forms folded ({@code ſ}
     * is {@code s}), case folded, and separators dropped ({@code private_key}, {@code pass word}
     * and {@code privateKey} all read {@code privatekey} or {@code password}).
     */
    static String folded(String name) {
        String decoded = decoded(name);
        String normal = Normalizer.normalize(decoded, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        normal = Normalizer.normalize(normal, Normalizer.Form.NFKD);
        StringBuilder letters = new StringBuilder(normal.length());
        normal.codePoints()
                .filter(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                .forEach(letters::appendCodePoint);
        return letters.toString();
    }

    /** Percent escapes decoded until none is left (at most a few rounds); a bad escape stays as written. */
    private static String decoded(String text) {
        String current = text;
        for (int round = 0; round < 5 && current.indexOf('%') >= 0; round++) {
            String next;
            try {
                next = URLDecoder.decode(current.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                return current;
            }
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /**
     * Refuses settings that carry a secret, naming the URL part or property but never its value.
     *
     * @throws ConnectionException naming what to remove and the options that name a secret's source
     */
    public static void refuseSecrets(String connection, String jdbcUrl, Map<String, String> properties) {
        if (jdbcUrl != null) {
            // Judged as a driver would read it: with its escapes decoded, so that neither
            // writer%3Apassword@host nor %70assword=... nor a parameter hidden in an escaped
            // separator (sslkey=k%26sslpassword%3D...) passes.
            String url = decoded(jdbcUrl);
            if (USER_INFO_PASSWORD.matcher(url).find()) {
                throw new ConnectionException("The JDBC URL of connection '" + connection + "' contains a"
                        + " password (user:password@host); remove it. " + ADVICE);
            }
            for (String part : URL_SEPARATORS.split(url)) {
                int equals = part.indexOf('=');
                String name = equals < 0 ? part : part.substring(0, equals);
                if (equals >= 0 && isSecretName(name)) {
                    throw new ConnectionException("The JDBC URL of connection '" + connection + "' has the"
                            + " parameter '" + printable(name) + "', which holds a secret; remove it. " + ADVICE);
                }
            }
        }
        for (String key : properties == null ? Map.<String, String>of().keySet() : properties.keySet()) {
            if (folded(key).isEmpty()) {
                throw new ConnectionException("A driver property of connection '" + connection + "' has no name;"
                        + " expected KEY=VALUE, e.g. warehouse=RESTOCK_WH.");
            }
            if (isSecretName(key)) {
                throw new ConnectionException("Driver property '" + printable(key) + "' of connection '" + connection
                        + "' holds a secret; remove it. " + ADVICE);
            }
        }
    }

    /** A name as it can be shown in one line: control characters and the like escaped. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
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
        masked = ENCODED_USER_INFO_PASSWORD
                .matcher(masked)
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
            ENCODED_USER_INFO_PASSWORD.matcher(jdbcUrl).results().forEach(match -> values.add(match.group(2)));
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
