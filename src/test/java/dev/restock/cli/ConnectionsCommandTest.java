package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import dev.restock.connections.Connections;
import dev.restock.connections.OrderPusher;
import dev.restock.orders.Actor;
import dev.restock.orders.NewStockOrder;
import dev.restock.orders.OrderFixtures;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

class ConnectionsCommandTest extends DatabaseTest {

    private static final String SNOWFLAKE_URL =
            "jdbc:snowflake://NOPE-XX99999.snowflakecomputing.com/?db=ORDERS&schema=PUBLIC";

    @Autowired
    StockOrders orders;

    @Autowired
    OrderPusher pusher;

    @Test
    void listsTheLocalConnectionAsJson() {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));

        int exitCode = command.execute("--home", TEST_HOME.toString(), "connections", "list", "--format", "json");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("\"name\" : \"local\"", "\"kind\" : \"duckdb\"", "\"po\" : \"PURCHASE_ORDERS\"");
    }

    @Test
    void testsTheLocalConnectionWithoutWarningAboutPrivilegesDuckDbDoesNotHave() {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.execute("--home", TEST_HOME.toString(), "connections", "ddl", "local", "--apply");
        StringWriter out = new StringWriter();
        command.setOut(new PrintWriter(out));

        int exitCode = command.execute("--home", TEST_HOME.toString(), "connections", "test", "local");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("PURCHASE_ORDERS          ok").doesNotContain("warning", "note", "UPDATE");
    }

    @Test
    void addWarnsThatTheVariableHoldingThePasswordIsNotSetAndTestRefusesNamingIt() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));

        int added = command.execute(
                "--home",
                TEST_HOME.toString(),
                "connections",
                "add",
                "pg",
                "--kind",
                "postgresql",
                "--url",
                "jdbc:postgresql://127.0.0.1:1/erp",
                "--user",
                "restock",
                "--password-env",
                "RESTOCK_TEST_UNSET_PASSWORD");
        String warned = err.toString();
        err.getBuffer().setLength(0);
        int tested = command.execute("--home", TEST_HOME.toString(), "connections", "test", "pg");

        assertThat(added).isZero();
        assertThat(out.toString()).contains("Stored connection 'pg'");
        assertThat(warned.strip())
                .startsWith("warning: Connection 'pg' reads its password from environment variable"
                        + " RESTOCK_TEST_UNSET_PASSWORD, which is not set.")
                .contains("make it available to the process that saves orders");
        assertThat(tested).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("error: Connection 'pg' reads its password from environment variable"
                        + " RESTOCK_TEST_UNSET_PASSWORD, which is not set.");
    }

    @Test
    void anUnknownConnectionFailsWithExitCodeOne() {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setErr(new PrintWriter(err));

        int exitCode = command.execute("--home", TEST_HOME.toString(), "connections", "test", "prod");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("error: There is no connection 'prod'");
    }

    @Test
    void ddlPrintsTheStatementsAndApplyCreatesTheLocalTables() throws java.sql.SQLException {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));

        int printed = command.execute("--home", TEST_HOME.toString(), "connections", "ddl", "local");
        int applied = command.execute("--home", TEST_HOME.toString(), "connections", "ddl", "local", "--apply");

        assertThat(printed).isZero();
        assertThat(applied).isZero();
        assertThat(out.toString())
                .contains("create table if not exists \"PURCHASE_ORDERS\" (", "\"UPDATED_AT\" TIMESTAMP")
                .contains("-- ran 3 statements on 'local'");
        try (var duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:" + TEST_HOME.resolve("local.duckdb"));
                var rs = duckdb.createStatement()
                        .executeQuery("select count(*) from information_schema.tables where table_name in"
                                + " ('PURCHASE_ORDERS', 'TRANSFER_ORDERS', 'ASSEMBLY_ORDERS')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3);
        }
    }

    @Test
    void addStoresASnowflakeConnectionWithAKeyFileAndListsNoSecret() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));

        int added = command.execute(
                "--home",
                TEST_HOME.toString(),
                "connections",
                "add",
                "sf",
                "--kind",
                "snowflake",
                "--url",
                "jdbc:snowflake://acme-xy12345.snowflakecomputing.com",
                "--user",
                "RESTOCK",
                "--private-key-file",
                "/etc/restock/rsa_key.p8",
                "--private-key-passphrase-env",
                "RESTOCK_KEY_PASS",
                "--property",
                "warehouse=RESTOCK_WH",
                "--table",
                "po=ORDERS.PURCHASE_ORDERS",
                "--updated-at-maintained");
        int listed = command.execute("--home", TEST_HOME.toString(), "connections", "list", "--format", "json");

        assertThat(added).isZero();
        assertThat(listed).isZero();
        assertThat(out.toString())
                .contains("Stored connection 'sf'", "\"po\" : \"ORDERS.PURCHASE_ORDERS\"")
                .doesNotContain("RESTOCK_KEY_PASS=");
        assertThat(err.toString())
                .contains("reads its private key from /etc/restock/rsa_key.p8, which cannot be read.")
                .contains("reads its private key passphrase from environment variable RESTOCK_KEY_PASS");
        assertThat(jdbc.sql("select settings ->> 'privateKeyPassphraseEnv' from connections where name = 'sf'")
                        .query(String.class)
                        .single())
                .isEqualTo("RESTOCK_KEY_PASS");
    }

    @Test
    void anUnknownKindOrAUrlOfAnotherKindIsBadUsageAndNothingIsStored() {
        String kind = addForErrors("ora", "--kind", "oracle", "--url", "jdbc:oracle:thin:@db:1521/erp");
        String otherDriver = addForErrors("nosuch", "--kind", "duckdb", "--url", "jdbc:nosuch:/tmp/x");
        String plainPath = addForErrors("plain", "--kind", "duckdb", "--url", "/tmp/plain.duckdb");
        String wrongKind = addForErrors("pgduck", "--kind", "postgresql", "--url", "jdbc:duckdb:/tmp/x.duckdb");
        String table =
                addForErrors("tbl", "--kind", "duckdb", "--url", "jdbc:duckdb:/tmp/x.duckdb", "--table", "boat=B");

        assertThat(kind.strip())
                .isEqualTo("error: Invalid value for option '--kind': 'oracle' is not a connection kind (expected"
                        + " duckdb, postgresql or snowflake). See 'restock connections add --help'.");
        assertThat(otherDriver.strip())
                .isEqualTo("error: Invalid value for option '--url': 'jdbc:nosuch:/tmp/x' is not a duckdb JDBC URL"
                        + " (expected one starting with jdbc:duckdb:). See 'restock connections add --help'.");
        assertThat(plainPath.strip()).contains("'/tmp/plain.duckdb' is not a duckdb JDBC URL");
        assertThat(wrongKind.strip()).contains("(expected one starting with jdbc:postgresql:)");
        assertThat(table.strip()).contains("'boat' is not an order type (expected po, transfer or assembly)");
        assertThat(jdbc.sql("select count(*) from connections where name in ('ora', 'nosuch', 'plain', 'pgduck',"
                                + " 'tbl')")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void addRefusesASecretInTheUrlOrAPropertyNamingItButNeverItsValueAndStoresNothing() {
        String userInfo = addForErrors(
                "s1", "--kind", "postgresql", "--url", "jdbc:postgresql://writer:S3cret@127.0.0.1:55432/erp");
        String sslPassword = addForErrors(
                "s2", "--kind", "postgresql", "--url", "jdbc:postgresql://127.0.0.1:55432/erp?sslpassword=S3cret");
        String keyPassword =
                addForErrors("s3", "--kind", "snowflake", "--url", SNOWFLAKE_URL + "&private_key_file_pwd=S3cret");
        String token = addForErrors("s4", "--kind", "snowflake", "--url", SNOWFLAKE_URL + "&Token=S3cret");
        String key = addForErrors("s5", "--kind", "snowflake", "--url", SNOWFLAKE_URL + "&private_key_base64=S3cret");
        String property = addForErrors(
                "s6", "--kind", "snowflake", "--url", SNOWFLAKE_URL, "--property", "oauthClientSecret=S3cret");
        String otherKind =
                addForErrors("s7", "--kind", "duckdb", "--url", "jdbc:postgresql://writer:S3cret@127.0.0.1/erp");

        assertThat(java.util.List.of(userInfo, sslPassword, keyPassword, token, key, property))
                .allSatisfy(error -> assertThat(error.strip())
                        .startsWith("error: ")
                        .doesNotContain("S3cret", "\n")
                        .contains("use --password-file or --password-env for a password"));
        assertThat(userInfo).contains("contains a password (user:password@host)");
        assertThat(sslPassword).contains("the parameter 'sslpassword', which holds a secret");
        assertThat(keyPassword).contains("'private_key_file_pwd'");
        assertThat(token).contains("'Token'");
        assertThat(key).contains("'private_key_base64'");
        assertThat(property).contains("Driver property 'oauthClientSecret' of connection 's6' holds a secret");
        assertThat(otherKind).contains("'jdbc:postgresql://writer:***@127.0.0.1/erp' is not a duckdb JDBC URL");
        assertThat(jdbc.sql("select count(*) from connections")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void listMasksASecretInAUrlStoredBeforeSuchUrlsWereRefused() {
        jdbc.sql("insert into connections (name, kind, settings) values ('old', 'postgresql', cast(? as jsonb))")
                .param("{\"jdbcUrl\": \"jdbc:postgresql://writer:S3cret@127.0.0.1:1/erp?sslpassword=S3cret2\"}")
                .update();
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));

        int table = command.execute("--home", TEST_HOME.toString(), "connections", "list");
        int json = command.execute("--home", TEST_HOME.toString(), "connections", "list", "--format", "json");

        assertThat(table).isZero();
        assertThat(json).isZero();
        assertThat(out.toString())
                .doesNotContain("S3cret")
                .contains("jdbc:postgresql://writer:***@127.0.0.1:1/erp?sslpassword=***  ")
                .contains("\"jdbcUrl\" : \"jdbc:postgresql://writer:***@127.0.0.1:1/erp?sslpassword=***\"");
    }

    @Test
    void addRefusesANameInUseWithExitCodeOneAndChangesNothing() {
        String[] first = {"--kind", "postgresql", "--url", "jdbc:postgresql://127.0.0.1:1/erp"};
        String[] second = {"--kind", "postgresql", "--url", "jdbc:postgresql://127.0.0.1:2/other"};
        assertThat(add(0, "erp", first).err()).isEmpty();

        Run again = add(1, "erp", second);
        Run local = add(1, "local", "--kind", "duckdb", "--url", "jdbc:duckdb:/tmp/restock-other-local.duckdb");

        assertThat(again.err().strip())
                .isEqualTo("error: Connection 'erp' already exists; nothing was changed. Use --replace to replace its"
                        + " settings (restock connections list shows them).");
        assertThat(again.out()).isEmpty();
        assertThat(local.err().strip()).startsWith("error: Connection 'local' already exists; nothing was changed.");
        assertThat(jdbc.sql("select settings ->> 'jdbcUrl' from connections")
                        .query(String.class)
                        .list())
                .containsExactly("jdbc:postgresql://127.0.0.1:1/erp");
    }

    @Test
    void aNameThatDiffersOnlyInCaseFromOneInUseIsRefusedWithOrWithoutReplace() {
        String[] settings = {"--kind", "postgresql", "--url", "jdbc:postgresql://127.0.0.1:1/erp"};
        add(0, "erp", settings);

        Run upper = add(1, "ERP", settings);
        Run replacing = add(1, "Erp", "--replace", "--kind", "postgresql", "--url", "jdbc:postgresql://127.0.0.1:2/x");
        Run local = add(1, "LOCAL", "--kind", "duckdb", "--url", "jdbc:duckdb:/tmp/restock-other-local.duckdb");

        assertThat(upper.err().strip())
                .isEqualTo("error: Connection 'ERP' would differ from connection 'erp' only in case; nothing was"
                        + " changed. Use 'erp', or another name.");
        assertThat(replacing.err()).contains("would differ from connection 'erp' only in case");
        assertThat(local.err()).contains("would differ from connection 'local' only in case");
        assertThat(jdbc.sql("select name from connections").query(String.class).list())
                .containsExactly("erp");
    }

    @Test
    void aPropertyWithoutAnEqualsSignIsBadUsageThatDoesNotEchoIt() {
        Run run = add(
                2,
                "sf",
                "--kind",
                "snowflake",
                "--url",
                "jdbc:snowflake://a.snowflakecomputing.com",
                "--property",
                "password:S3CRET");

        assertThat(run.err().strip())
                .startsWith("error: Invalid value for option '--property': expected KEY=VALUE")
                .doesNotContain("S3CRET");
        assertThat(jdbc.sql("select count(*) from connections")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void replaceChangesTheSettingsAndWarnsHowManySavedOrdersSyncWillReadFromThem() {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        StockOrder order = orders.create(
                NewStockOrder.purchase(fixtures.warehouse("MAIN"), fixtures.vendor("ACME"), "EUR"), Actor.user("anna"));
        orders.addLine(order.id(), fixtures.variant("SKU-1", "Mug", null), BigDecimal.ONE, null, Actor.user("anna"));
        pusher.push(order.id(), Connections.LOCAL, Actor.user("anna"));
        String otherFile = "jdbc:duckdb:" + TEST_HOME.resolve("other.duckdb");
        add(0, "erp", "--kind", "postgresql", "--url", "jdbc:postgresql://127.0.0.1:1/erp");

        Run local = add(0, "local", "--replace", "--kind", "duckdb", "--url", otherFile);
        Run erp = add(0, "erp", "--replace", "--kind", "postgresql", "--url", "jdbc:postgresql://127.0.0.1:2/erp");

        assertThat(local.out()).contains("Stored connection 'local'");
        assertThat(local.err().strip())
                .isEqualTo("warning: Connection 'local' holds 1 saved stock order; sync now reads it with the new"
                        + " settings and flags any it cannot find there as missing.");
        assertThat(erp.err()).isEmpty();
        assertThat(jdbc.sql("select settings ->> 'jdbcUrl' from connections order by name")
                        .query(String.class)
                        .list())
                .containsExactly("jdbc:postgresql://127.0.0.1:2/erp", otherFile);
    }

    @Test
    void listShowsTheUserAndWhereEachSecretIsReadFromButNoSecret() {
        add(
                0,
                "pg",
                "--kind",
                "postgresql",
                "--url",
                "jdbc:postgresql://127.0.0.1:1/erp",
                "--user",
                "restock",
                "--password-file",
                "/etc/restock/pg-password");
        add(
                0,
                "sf",
                "--kind",
                "snowflake",
                "--url",
                SNOWFLAKE_URL,
                "--user",
                "RESTOCK",
                "--private-key-file",
                "/etc/restock/rsa_key.p8",
                "--private-key-passphrase-env",
                "RESTOCK_KEY_PASS");
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));

        int table = command.execute("--home", TEST_HOME.toString(), "connections", "list");
        String listed = out.toString();
        out.getBuffer().setLength(0);
        int json = command.execute("--home", TEST_HOME.toString(), "connections", "list", "--format", "json");

        assertThat(table).isZero();
        assertThat(json).isZero();
        assertThat(listed.lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("pg               postgresql jdbc:postgresql://127.0.0.1:1/erp  user restock"
                                + "  password file:/etc/restock/pg-password  tables {"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("sf               snowflake  " + SNOWFLAKE_URL + "  user RESTOCK  private key"
                                + " /etc/restock/rsa_key.p8, passphrase env:RESTOCK_KEY_PASS  tables {"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("local            duckdb     jdbc:duckdb:")
                        .contains(".duckdb  tables {"));
        assertThat(out.toString())
                .contains("\"password\" : \"file:/etc/restock/pg-password\"")
                .contains("\"privateKeyFile\" : \"/etc/restock/rsa_key.p8\"")
                .contains("\"privateKeyPassphrase\" : \"env:RESTOCK_KEY_PASS\"");
    }

    @Test
    void theKindIsReadWithoutRegardToCase() {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(new StringWriter()));

        int added = command.execute(
                "--home",
                TEST_HOME.toString(),
                "connections",
                "add",
                "wh",
                "--kind",
                "DuckDB",
                "--url",
                "jdbc:duckdb:/tmp/restock-cli-kind.duckdb");

        assertThat(added).isZero();
    }

    record Run(String out, String err) {}

    /** Runs {@code connections add NAME ...}, expecting the exit code. */
    private static Run add(int exitCode, String name, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        java.util.List<String> args = new java.util.ArrayList<>(
                java.util.List.of("--home", TEST_HOME.toString(), "connections", "add", name));
        args.addAll(java.util.List.of(options));

        assertThat(command.execute(args.toArray(String[]::new)))
                .as(err.toString())
                .isEqualTo(exitCode);
        return new Run(out.toString(), err.toString());
    }

    /** Runs {@code connections add NAME ...}, expecting exit code 2; returns standard error. */
    private static String addForErrors(String name, String... options) {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(err));
        java.util.List<String> args = new java.util.ArrayList<>(
                java.util.List.of("--home", TEST_HOME.toString(), "connections", "add", name));
        args.addAll(java.util.List.of(options));

        assertThat(command.execute(args.toArray(String[]::new)))
                .as(err.toString())
                .isEqualTo(2);
        return err.toString();
    }
}
