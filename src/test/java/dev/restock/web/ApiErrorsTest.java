package dev.restock.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ApiErrorsTest {

    @Test
    void anUnexpectedFailureIsA500ThatSaysNothingOfTheException() {
        var failure = new IllegalStateException("ERROR: numeric field overflow in insert into stock_order_lines");

        var problem = new ApiErrors().unexpected(failure, new MockHttpServletRequest("POST", "/api/v1/stock-orders"));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail())
                .startsWith("Restock failed to answer this request because of an unexpected error.")
                .doesNotContain("overflow", "stock_order_lines");
    }
}
