package dk.klaremaal.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Reads are public. Writes to the API need a bearer token (ingest tokens may send measurements –
 * case events, contacts, survey answers, downtime, probes, reported values, milestone progress –
 * admin tokens may also change the catalogue and goals) or a signed-in person's session with its
 * CSRF token. Staff pages need a signed-in person; the roles decide the rest.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, CsrfTokenRepository csrfTokens) throws Exception {
        // A call carries a valid bearer token, or comes from a staff page of a signed-in person: then the
        // session is read (never created here) and a write must carry the CSRF token. A request with
        // neither has no session to ride on and is refused as unauthenticated.
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(request -> ApiTokenFilter.authenticated(request) || request.getSession(false) == null))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .addFilterBefore(new ApiTokenFilter(tokens), CsrfFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/tokens", "/api/v1/tokens/**", "/api/v1/audit", "/api/v1/audit.csv").access(scopeOrStaff("admin"))
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/case-events", "/api/v1/contacts", "/api/v1/survey-responses",
                                "/api/v1/survey-aggregates", "/api/v1/downtime", "/api/v1/availability-probes",
                                "/api/v1/reported-values", "/api/v1/letters").access(scopeOrStaff("ingest"))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/goals/*/milestones/*", "/api/v1/plans/*/*/followups/*")
                        .access(scopeOrStaff("ingest"))
                        .anyRequest().access(scopeOrStaff("admin")));
        return http.build();
    }

    /**
     * CSRF tokens in a cookie of their own (HTTP only: pages carry the token in their forms and meta
     * tag), so that showing a form to someone who has not signed in creates no session.
     */
    @Bean
    CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /**
     * A token needs the scope; a signed-in person passes here, and what they may do to which
     * organisation is decided by their roles ({@link AccessPolicy}) where the change is made.
     */
    private static org.springframework.security.authorization.AuthorizationManager<org.springframework.security.web.access.intercept.RequestAuthorizationContext>
            scopeOrStaff(String scope) {
        return (authentication, context) -> {
            var auth = authentication.get();
            boolean granted = auth != null && auth.isAuthenticated()
                    && !(auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)
                    && (auth.getPrincipal() instanceof ApiPrincipal
                        ? auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("SCOPE_" + scope))
                        : true);
            return new org.springframework.security.authorization.AuthorizationDecision(granted);
        };
    }

    /** Open311 is public and read-only; a POST gets an Open311 error from the controller, not a login challenge. */
    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain open311(HttpSecurity http) throws Exception {
        http.securityMatcher("/open311/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /** Embedded goals are meant to be framed by any website; everything else refuses to be framed. */
    @Bean
    @org.springframework.core.annotation.Order(3)
    SecurityFilterChain embedded(HttpSecurity http) throws Exception {
        http.securityMatcher("/indlejret/**", "/oembed")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/**").permitAll().anyRequest().denyAll())
                .headers(h -> h.frameOptions(f -> f.disable()).contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; frame-ancestors *")));
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(4)
    SecurityFilterChain pages(HttpSecurity http,
                              org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> sso,
                              SingleSignOn singleSignOn, CsrfTokenRepository csrfTokens, SignInDelays delays) throws Exception {
        if (sso.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/log-ind").defaultSuccessUrl("/administration", true)
                    .failureUrl("/log-ind?sso-error").userInfoEndpoint(u -> u.oidcUserService(singleSignOn)));
        }
        // No session for anyone who has not signed in: the form token lives in a cookie, and the page
        // asked for before signing in is not remembered (signing in always leads to the staff desk).
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/log-ind?error");
        failure.setAllowSessionCreation(false);
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .addFilterBefore(new SignInDelayFilter(delays), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/administration", "/administration/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/log-ind").loginProcessingUrl("/log-ind").defaultSuccessUrl("/administration", true)
                        .failureHandler(failure).permitAll())
                .logout(logout -> logout.logoutUrl("/log-ud").logoutSuccessUrl("/log-ind?logout"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }
}
