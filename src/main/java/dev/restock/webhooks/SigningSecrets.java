package dev.restock.webhooks;

import dev.restock.RestockException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The secrets a subscription signs with at one moment: the current one, and during the 24 hours
 * after a rotation the previous one too, so receivers can switch without losing a delivery.
 */
record SigningSecrets(String current, String previous, Instant previousExpiresAt) {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The secrets to sign with at {@code now}, current first. */
    List<String> activeAt(Instant now) {
        if (previous != null && previousExpiresAt != null && now.isBefore(previousExpiresAt)) {
            return List.of(current, previous);
        }
        return List.of(current);
    }

    /** A new random secret: 32 bytes, base64, with the Standard Webhooks prefix. */
    static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** A secret a user gave: {@code whsec_} and 24 to 64 bytes in base64. The message never quotes it. */
    static String validate(String secret) {
        String problem = null;
        if (!secret.startsWith(PREFIX)) {
            problem = "it does not start with whsec_";
        } else {
            try {
                int length = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
                if (length < 24 || length > 64) {
                    problem = "its key is " + length + " bytes long";
                }
            } catch (IllegalArgumentException e) {
                problem = "the part after whsec_ is not base64";
            }
        }
        if (problem != null) {
            throw new RestockException("The webhook secret given is not valid: " + problem + ". A secret is"
                    + " whsec_ followed by 24 to 64 random bytes in base64; leave it out and Restock"
                    + " generates one.");
        }
        return secret;
    }
}
