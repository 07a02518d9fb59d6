package dev.restock.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health is open so that a load balancer can probe it; everything else needs the API's bearer
 * token ({@link ApiToken}). The service also listens on 127.0.0.1 by default. A request without a
 * valid token gets 401 as an RFC 9457 problem document. A request that fails after it was let in
 * gets its own status ({@link ApiErrors}, {@link ErrorProblems}), never 401.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiToken token) throws Exception {
        return http.authorizeHttpRequests(
                        requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                                .permitAll()
                                // The container's forward to /error after a failure: the request was
                                // authorized before it failed, and the token filter does not run again, so
                                // without this every error became a 401. ErrorProblems answers it with the
                                // status alone. A request to /error itself still needs the token.
                                .dispatcherTypeMatchers(DispatcherType.ERROR)
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(token), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) -> {
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setHeader("WWW-Authenticate", "Bearer");
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.getWriter()
                            .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                                    + "\"detail\":\"Send the API token as 'Authorization: Bearer TOKEN'; serve"
                                    + " prints where the token is kept.\"}");
                }))
                .build();
    }

    /** Authenticates a request whose {@code Authorization: Bearer} header carries the token. */
    private static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiToken token;

        BearerTokenFilter(ApiToken token) {
            this.token = token;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null
                    && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && token.matches(header.substring(7))) {
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api", null, List.of()));
            }
            chain.doFilter(request, response);
        }
    }
}
