package dk.klaremaal.access;

import dk.klaremaal.access.AccessPolicy.Action;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Spring Boot Actuator for the people who run Klaremål. The health status (UP, DOWN, OUT_OF_SERVICE, no details)
 * and the liveness and readiness probes are public, as load balancers and orchestrators ask without credentials.
 * Everything else – metrics in Prometheus format above all – shows how the service is used and needs an admin API
 * token for all organisations ({@code Authorization: Bearer}) or a signed-in administrator of all organisations:
 * no one else gets past, not an ingest token and not an organisation's own administrator.
 */
@Configuration(proxyBeanMethods = false)
public class ActuatorSecurity {

    /** Before the other chains, which would otherwise answer these paths as public pages. */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, ApiTokenService tokens, AccessPolicy policy) throws Exception {
        http.securityMatcher("/actuator/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .addFilterBefore(new ApiTokenFilter(tokens), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .anyRequest().access(administratorOfAll(policy)));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> administratorOfAll(AccessPolicy policy) {
        return (authentication, context) -> {
            var auth = authentication.get();
            boolean someone = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
            return new AuthorizationDecision(someone && policy.allowsEverywhere(Action.ADMINISTER));
        };
    }
}
