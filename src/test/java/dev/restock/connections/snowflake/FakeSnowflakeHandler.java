package dev.restock.connections.snowflake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.restock.connections.snowflake.FakeSnowflake.Bind;
import dev.restock.connections.snowflake.FakeSnowflake.ReceivedStatement;
import dev.restock.connections.snowflake.FakeSnowflakeError.FakeSnowflakeException;
import dev.restock.connections.snowflake.FakeSnowflakeFaults.Fault;
import dev.restock.connections.snowflake.FakeSnowflakeSession.LoginNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the driver's HTTP requests. Every answer is HTTP 200 with a JSON body whose {@code
 * success} says whether it worked, as the real service does; only an unknown path gets a 404.
 *
 * <p>Sessions are found by the token in {@code Authorization: Snowflake Token="..."}: the session
 * token on statements, the master token on token renewal. Thread-safe.
 */
final class FakeSnowflakeHandler implements HttpHandler {

    /** What to do with a request: answer with a status and body, or close the connection. */
    private record Answer(int status, ObjectNode body) {
        static final Answer DROP = new Answer(0, null);

        Answer(ObjectNode body) {
            this(200, body);
        }
    }

    /** Where sessions get their DuckDB connections from. */
    interface DuckDbConnections {
        Connection open() throws SQLException;
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int SESSION_VALIDITY_SECONDS = 3600;
    private static final int MASTER_VALIDITY_SECONDS = 14400;

    private final String user;
    private final String password;
    private final DuckDbConnections duckdb;
    private final FakeSnowflakeFaults faults;
    private final AtomicLong sessionIds = new AtomicLong(1000);
    private final Map<String, FakeSnowflakeSession> sessionsByToken = new ConcurrentHashMap<>();
    private final Map<String, FakeSnowflakeSession> sessionsByMasterToken = new ConcurrentHashMap<>();
    private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
    private final List<ReceivedStatement> statements = new CopyOnWriteArrayList<>();
    private final List<String> requestPaths = new CopyOnWriteArrayList<>();
    private volatile java.security.PublicKey publicKey;

    FakeSnowflakeHandler(String user, String password, DuckDbConnections duckdb, FakeSnowflakeFaults faults) {
        this.user = user;
        this.password = password;
        this.duckdb = duckdb;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            requestPaths.add(path);
            JsonNode body = readBody(exchange);
            Answer answer = switch (path) {
                case "/session/v1/login-request" -> login(exchange, body);
                case "/queries/v1/query-request" -> statement(exchange, body);
                case "/session/token-request" -> renewToken(exchange, body);
                case "/session/heartbeat" -> heartbeat(exchange);
                case "/session" -> closeSession(exchange);
                case "/queries/v1/abort-request", "/telemetry/send" -> ok(JSON.createObjectNode());
                default -> new Answer(404, new FakeSnowflakeError(404, null, "No such endpoint " + path).toJson(null));
            };
            if (answer != Answer.DROP) {
                send(exchange, answer.status(), answer.body());
            }
        } catch (RuntimeException e) {
            // A bug in the fake: answered as a failed statement rather than HTTP 500, which the
            // driver would retry, so that the test fails at once with this message.
            e.printStackTrace();
            send(exchange, 200, new FakeSnowflakeError(603, "XX000", "The fake Snowflake failed: " + e).toJson(null));
        } finally {
            // Closing an exchange that has sent no response closes its socket: the driver sees the
            // connection end without an answer, which is how a dropped connection looks to it.
            exchange.close();
        }
    }

    List<ReceivedStatement> statements() {
        return List.copyOf(statements);
    }

    List<String> requestPaths() {
        return List.copyOf(requestPaths);
    }

    void clearLogs() {
        statements.clear();
        requestPaths.clear();
    }

    int openSessions() {
        return sessionsByMasterToken.size();
    }

    /** Makes every session token issued so far expired, as an hour of idling would. */
    void expireSessionTokens() {
        expiredTokens.addAll(sessionsByToken.keySet());
    }

    void closeAllSessions() {
        sessionsByMasterToken.values().forEach(FakeSnowflakeSession::close);
        sessionsByMasterToken.clear();
        sessionsByToken.clear();
    }

    private Answer login(HttpExchange exchange, JsonNode body) {
        JsonNode data = body.path("data");
        boolean keyPair = "SNOWFLAKE_JWT".equals(data.path("AUTHENTICATOR").asString());
        boolean authenticated = keyPair
                ? validJwt(data.path("TOKEN").asString())
                : password.equals(data.path("PASSWORD").asString());
        if (!user.equals(data.path("LOGIN_NAME").asString()) || !authenticated) {
            return new Answer(FakeSnowflakeError.INCORRECT_PASSWORD.toJson(null));
        }
        Map<String, String> query = queryParameters(exchange.getRequestURI());
        LoginNames names = new LoginNames(
                query.get("databaseName"), query.get("schemaName"), query.get("warehouse"), query.get("roleName"));

        FakeSnowflakeSession session;
        try {
            session = new FakeSnowflakeSession(
                    sessionIds.incrementAndGet(),
                    newToken("session"),
                    newToken("master"),
                    duckdb.open(),
                    names,
                    data.path("SESSION_PARAMETERS"));
        } catch (SQLException e) {
            return new Answer(FakeSnowflakeError.fromDuckDb(e).toJson(null));
        }
        sessionsByToken.put(session.sessionToken, session);
        sessionsByMasterToken.put(session.masterToken, session);

        ObjectNode answer = JSON.createObjectNode();
        answer.put("token", session.sessionToken);
        answer.put("validityInSeconds", SESSION_VALIDITY_SECONDS);
        answer.put("masterToken", session.masterToken);
        answer.put("masterValidityInSeconds", MASTER_VALIDITY_SECONDS);
        answer.put("sessionId", session.id);
        // Tools that check the database version (Flyway among them) refuse to run without one.
        answer.put("serverVersion", "9.20.0");
        answer.set("parameters", FakeSnowflakeResults.parameters(session.parameters()));
        ObjectNode sessionInfo = answer.putObject("sessionInfo");
        sessionInfo.put("databaseName", names.database());
        sessionInfo.put("schemaName", names.schema());
        sessionInfo.put("warehouseName", names.warehouse());
        sessionInfo.put("roleName", names.role());
        answer.putNull("idToken");
        answer.putNull("mfaToken");
        return ok(answer);
    }

    private Answer statement(HttpExchange exchange, JsonNode body) {
        String requestId = queryParameters(exchange.getRequestURI()).get("requestId");
        String sql = body.path("sqlText").asString();
        boolean describeOnly = body.path("describeOnly").asBoolean();
        List<Bind> binds = FakeSnowflakeBinds.parse(body.get("bindings"));
        statements.add(new ReceivedStatement(requestId, sql, describeOnly, binds));

        String token = token(exchange);
        if (expiredTokens.contains(token)) {
            return new Answer(FakeSnowflakeError.SESSION_TOKEN_EXPIRED.toJson(null));
        }
        FakeSnowflakeSession session = sessionsByToken.get(token);
        if (session == null) {
            return new Answer(FakeSnowflakeError.SESSION_GONE.toJson(null));
        }

        String queryId = UUID.randomUUID().toString();
        Optional<Fault> fault = describeOnly ? Optional.empty() : faults.firing(requestId, sql);
        if (fault.isPresent()) {
            return switch (fault.get()) {
                case Fault.Drop drop -> Answer.DROP;
                case Fault.Fail fail -> new Answer(fail.error().toJson(queryId));
                case Fault.Hold hold -> withheld(execute(session, sql, binds, describeOnly, queryId), hold);
            };
        }
        return execute(session, sql, binds, describeOnly, queryId);
    }

    private static Answer execute(
            FakeSnowflakeSession session, String sql, List<Bind> binds, boolean describeOnly, String queryId) {
        try {
            return ok(session.execute(sql, binds, describeOnly, queryId));
        } catch (FakeSnowflakeException e) {
            return new Answer(e.error().toJson(queryId));
        }
    }

    /** Waits for the test to release the answer; a fake closed meanwhile drops it. */
    private static Answer withheld(Answer answer, Fault.Hold hold) {
        hold.reached().countDown();
        try {
            hold.released().await();
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.DROP;
        }
    }

    /**
     * The driver renews a session token after a 390112 answer: it posts the old session token in
     * the body with the master token in the header, then re-sends the failed statement with the
     * same request id.
     */
    private Answer renewToken(HttpExchange exchange, JsonNode body) {
        FakeSnowflakeSession session = sessionsByMasterToken.get(token(exchange));
        if (session == null) {
            return new Answer(FakeSnowflakeError.MASTER_TOKEN_EXPIRED.toJson(null));
        }
        String oldToken = body.path("oldSessionToken").asString();
        String freshToken = newToken("session");
        sessionsByToken.remove(oldToken);
        expiredTokens.remove(oldToken);
        session.sessionToken = freshToken;
        sessionsByToken.put(freshToken, session);

        ObjectNode answer = JSON.createObjectNode();
        answer.put("sessionToken", freshToken);
        answer.put("validityInSecondsST", SESSION_VALIDITY_SECONDS);
        answer.put("masterToken", session.masterToken);
        answer.put("validityInSecondsMT", MASTER_VALIDITY_SECONDS);
        answer.put("sessionId", session.id);
        return ok(answer);
    }

    private Answer heartbeat(HttpExchange exchange) {
        String token = token(exchange);
        if (expiredTokens.contains(token)) {
            return new Answer(FakeSnowflakeError.SESSION_TOKEN_EXPIRED.toJson(null));
        }
        return sessionsByToken.containsKey(token)
                ? ok(JSON.createObjectNode())
                : new Answer(FakeSnowflakeError.SESSION_GONE.toJson(null));
    }

    /** {@code POST /session?delete=true}: the driver's {@code Connection.close()}. */
    private Answer closeSession(HttpExchange exchange) {
        if (!"true".equals(queryParameters(exchange.getRequestURI()).get("delete"))) {
            return ok(JSON.createObjectNode());
        }
        FakeSnowflakeSession session = sessionsByToken.remove(token(exchange));
        if (session == null) {
            return new Answer(FakeSnowflakeError.SESSION_GONE.toJson(null));
        }
        sessionsByMasterToken.remove(session.masterToken);
        session.close();
        return ok(null);
    }

    void acceptPublicKey(java.security.PublicKey key) {
        this.publicKey = key;
    }

    /** A key-pair login: a JWT signed with RS256 by the private key of the accepted public key. */
    private boolean validJwt(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (publicKey == null || parts.length != 3) {
            return false;
        }
        try {
            java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
            rs256.initVerify(publicKey);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(java.util.Base64.getUrlDecoder().decode(parts[2]));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Answer ok(ObjectNode data) {
        return new Answer(FakeSnowflakeResults.success(data));
    }

    /** Statement bodies arrive gzip-compressed ({@code Content-Encoding: gzip}). */
    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The token from {@code Authorization: Snowflake Token="..."}. */
    private static String token(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return "";
        }
        int start = header.indexOf("Token=\"");
        return start < 0 ? "" : header.substring(start + 7, header.lastIndexOf('"'));
    }

    private static Map<String, String> queryParameters(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String newToken(String kind) {
        return "fake-" + kind + "-" + UUID.randomUUID();
    }
}
