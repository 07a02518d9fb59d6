package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.DatabaseTest;
import dev.restock.connections.snowflake.FakeSnowflake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Snowflake key-pair authentication through the real driver against the fake, which accepts
 * only a login token signed by the private key of the public key it was given.
 */
@ExtendWith(OutputCaptureExtension.class)
class SnowflakeKeyPairTest extends DatabaseTest {

    static final String PASSPHRASE = "correct horse battery staple";

    final FakeSnowflake snowflake = FakeSnowflake.start();

    @Autowired
    Connections connections;

    @Autowired
    ConnectionTester tester;

    @Autowired
    ConnectionDdl ddl;

    @TempDir
    Path folder;

    KeyPair keys;

    @BeforeEach
    void keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        snowflake.acceptPublicKey(keys.getPublic());
    }

    @AfterEach
    void stopFake() {
        snowflake.close();
    }

    @Test
    void logsInWithAnUnencryptedPkcs8Key() throws IOException {
        Path key = pem("rsa_key.p8", "PRIVATE KEY", keys.getPrivate().getEncoded());
        connections.save(snowflake("sf").withPrivateKey(key, null));

        ddl.apply("sf");

        assertThat(tester.test("sf").ok()).isTrue();
    }

    @Test
    void logsInWithAnEncryptedPkcs8KeyWhosePassphraseIsReadFromAFile() throws Exception {
        Path key = pem("rsa_key.p8", "ENCRYPTED PRIVATE KEY", encrypted(PASSPHRASE));
        Path passphrase = Files.writeString(folder.resolve("passphrase"), PASSPHRASE + "\n");
        connections.save(snowflake("sf").withPrivateKey(key, SecretReference.file(passphrase)));

        ddl.apply("sf");

        assertThat(tester.test("sf").ok()).isTrue();
    }

    @Test
    void aWrongPassphraseFailsWithoutPrintingIt(CapturedOutput output) throws Exception {
        Path key = pem("rsa_key.p8", "ENCRYPTED PRIVATE KEY", encrypted(PASSPHRASE));
        Path passphrase = Files.writeString(folder.resolve("passphrase"), "not-the-passphrase");
        connections.save(snowflake("sf").withPrivateKey(key, SecretReference.file(passphrase)));

        assertThatThrownBy(() -> tester.test("sf"))
                .isInstanceOf(ConnectionException.class)
                .hasMessage("Connection 'sf' could not decrypt or read its private key " + key + ": most often the"
                        + " passphrase read from file:" + passphrase + " is wrong, or the file is not a PKCS#8"
                        + " private key in PEM form.")
                .hasMessageNotContaining("not-the-passphrase");
        assertThat(output.getAll()).doesNotContain("enableBouncyCastle", "not-the-passphrase");
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path key = pem(
                "other.p8",
                "PRIVATE KEY",
                generator.generateKeyPair().getPrivate().getEncoded());
        connections.save(snowflake("sf").withPrivateKey(key, null));

        // The hint named a password, which a key-pair connection does not have.
        assertThatThrownBy(() -> tester.test("sf"))
                .isInstanceOf(ConnectionException.class)
                .hasMessageEndingWith(". Check its URL, user and private key " + key + ".")
                .hasMessageNotContaining("password source");
        assertThatThrownBy(() -> ddl.apply("sf"))
                .hasMessageEndingWith("Nothing was created. Check its URL, user and private key " + key + ".");
    }

    private Connection snowflake(String name) {
        Map<String, String> properties = new HashMap<>();
        snowflake.connectionProperties().forEach((key, value) -> properties.put((String) key, (String) value));
        properties.remove("user");
        properties.remove("password");
        return new Connection(
                name, ConnectionKind.SNOWFLAKE, snowflake.jdbcUrl(), FakeSnowflake.USER, null, properties, null, false);
    }

    /** What {@code openssl pkcs8 -topk8 -v2 aes256} writes: PBES2, PBKDF2 with HMAC-SHA256, AES-256-CBC. */
    private byte[] encrypted(String passphrase) throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        var key = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(passphrase.toCharArray()));
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, key, new PBEParameterSpec(salt, 2048, new IvParameterSpec(iv)));
        byte[] sealed = cipher.doFinal(keys.getPrivate().getEncoded());
        // Named PBES2, the OID openssl writes; the JDK knows no OID for the cipher's own name.
        var pbes2 = java.security.AlgorithmParameters.getInstance("PBES2");
        pbes2.init(cipher.getParameters().getEncoded());
        return new EncryptedPrivateKeyInfo(pbes2, sealed).getEncoded();
    }

    private Path pem(String file, String label, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return Files.writeString(
                folder.resolve(file), "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");
    }
}
