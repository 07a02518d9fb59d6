package dev.restock.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.ApiTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class ApiSecurityTest extends ApiTest {

    @Test
    void healthIsOpenWithoutAToken() {
        var response = send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void anApiCallWithoutATokenGets401AsAProblemDocument() {
        var response = send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/anything"))
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").doesNotContain(TOKEN);
    }

    @Test
    void aWrongTokenGets401() {
        var response = send(request("/api/v1/anything")
                .setHeader("Authorization", "Bearer " + TOKEN + "x")
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theRightTokenPassesAndAnUnknownPathIs404() {
        var response = get("/api/v1/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
