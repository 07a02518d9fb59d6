package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretSettingsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password",
                "PASSWORD",
                "pwd",
                "passcode",
                "token",
                "sslpassword",
                "private_key_file_pwd",
                "private_key_pwd",
                "private_key_base64",
                "privateKey",
                "oauthClientSecret",
                "oauth_refresh_token",
                "ssl_key_passwd",
                "client_secret",
                "some_pwd",
                "%70assword",
                "%2570assword",
                "PRIVATE%5FKEY%5FFILE%5FPWD",
                "pass%77ord",
                "paſsword",
                "passwordİ",
                "pass+word",
                "pass word",
                "Private-Key"
            })
    void namesLikeASecretAreSecret(String name) {
        assertThat(SecretSettings.isSecretName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "warehouse", "db", "ssl", "loginTimeout", "authenticator", "currentSchema"})
    void ordinarySettingsAreNotSecret(String name) {
        assertThat(SecretSettings.isSecretName(name)).isFalse();
    }

    @Test
    void refusesAPasswordInTheUrlsUserInfoWithoutSayingIt() {
        assertThatThrownBy(() -> SecretSettings.refuseSecrets(
                        "pg", "jdbc:postgresql://writer:S3cret@127.0.0.1:55432/erp", Map.of()))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("contains a password (user:password@host)")
                .hasMessageContaining("--password-file or --password-env")
                .message()
                .doesNotContain("S3cret");
    }

    @Test
    void refusesASecretUrlParameterOfAnyCaseNamingItButNotItsValue() {
        assertThatThrownBy(() -> SecretSettings.refuseSecrets(
                        "sf", "jdbc:snowflake://a.snowflakecomputing.com/?db=D&Private_Key_File_Pwd=hunter2", Map.of()))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("the parameter 'Private_Key_File_Pwd', which holds a secret")
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void refusesADriverPropertyNamedLikeASecret() {
        assertThatThrownBy(() -> SecretSettings.refuseSecrets("sf", "jdbc:snowflake://a/", Map.of("token", "abc123")))
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Driver property 'token' of connection 'sf' holds a secret")
                .message()
                .doesNotContain("abc123");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:snowflake://a.snowflakecomputing.com/?db=D&%70assword=S3CRET",
                "jdbc:snowflake://a.snowflakecomputing.com/?db=D&PRIVATE%5FKEY%5FFILE%5FPWD=S3CRET",
                "jdbc:snowflake://a.snowflakecomputing.com/?db=D&paſsword=S3CRET",
                "jdbc:snowflake://a.snowflakecomputing.com/?db=D&%2570assword=S3CRET",
                "jdbc:snowflake://a.snowflakecomputing.com/?db=D#password=S3CRET",
                "jdbc:snowflake://a.snowflakecomputing.com/?db=D&pass+word=S3CRET",
                "jdbc:postgresql://h/erp?sslkey=/k&sslpassword%3DS3CRET",
                "jdbc:postgresql://writer%3AS3CRET@h/erp",
                "jdbc:postgresql://h/erp;password=S3CRET"
            })
    void refusesASecretHiddenByEscapesFoldingOrSeparatorsWithoutSayingIt(String url) {
        assertThatThrownBy(() -> SecretSettings.refuseSecrets("c", url, Map.of()))
                .isInstanceOf(ConnectionException.class)
                .message()
                .doesNotContain("S3CRET");
    }

    @Test
    void refusesADriverPropertyWithoutAName() {
        assertThatThrownBy(() -> SecretSettings.refuseSecrets("c", "jdbc:snowflake://a/", Map.of("", "S3CRET")))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("has no name")
                .message()
                .doesNotContain("S3CRET");
    }

    @Test
    void masksAnEscapedUserInfoPasswordAndKeepsTheQuoteAroundAUrl() {
        assertThat(SecretSettings.mask("'jdbc:postgresql://h/db?password=S3CRET' is not a DuckDB URL"))
                .isEqualTo("'jdbc:postgresql://h/db?password=***' is not a DuckDB URL");
        assertThat(SecretSettings.mask("jdbc:postgresql://writer%3AS3CRET@h/erp"))
                .isEqualTo("jdbc:postgresql://writer%3A***@h/erp");
        assertThat(SecretSettings.mask("jdbc:snowflake://a/?db=D&%70assword=S3CRET&role=R"))
                .isEqualTo("jdbc:snowflake://a/?db=D&%70assword=***&role=R");
    }

    @Test
    void acceptsAUserWithoutPasswordAndOrdinaryParameters() {
        assertThatNoException()
                .isThrownBy(() -> SecretSettings.refuseSecrets(
                        "pg",
                        "jdbc:postgresql://writer@db.example.com:5432/erp?currentSchema=orders&ssl=true",
                        Map.of("warehouse", "WH")));
    }

    @Test
    void masksUserInfoPasswordsAndSecretParametersInUrlsAndMessages() {
        String url = "jdbc:postgresql://writer:p@ss@127.0.0.1:55432/erp?sslpassword=hunter2&ssl=true";

        String masked = SecretSettings.mask("No suitable driver found for " + url + " (login failed)");

        assertThat(masked)
                .isEqualTo("No suitable driver found for jdbc:postgresql://writer:***@127.0.0.1:55432/erp"
                        + "?sslpassword=***&ssl=true (login failed)");
        assertThat(SecretSettings.mask("jdbc:snowflake://a/?db=D&TOKEN=t0k3n;private_key_base64=AAAA"))
                .isEqualTo("jdbc:snowflake://a/?db=D&TOKEN=***;private_key_base64=***");
        assertThat(SecretSettings.mask("jdbc:snowflake://acme.snowflakecomputing.com:443/?db=D"))
                .isEqualTo("jdbc:snowflake://acme.snowflakecomputing.com:443/?db=D");
    }
}
