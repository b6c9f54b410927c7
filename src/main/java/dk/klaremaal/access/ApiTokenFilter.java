package dk.klaremaal.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the stored token hashes. It runs before
 * the CSRF check, which only a request carrying a valid token may skip ({@link #authenticated}).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String AUTHENTICATED = ApiTokenFilter.class.getName() + ".authenticated";

    private final ApiTokenService tokens;

    ApiTokenFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.authenticate(header.substring(7).trim()).ifPresent(token -> {
                var authorities = switch (token.scope()) {
                    case "admin" -> List.of(new SimpleGrantedAuthority("SCOPE_read"), new SimpleGrantedAuthority("SCOPE_ingest"),
                            new SimpleGrantedAuthority("SCOPE_admin"));
                    case "ingest" -> List.of(new SimpleGrantedAuthority("SCOPE_read"), new SimpleGrantedAuthority("SCOPE_ingest"));
                    default -> List.of(new SimpleGrantedAuthority("SCOPE_" + token.scope()));
                };
                SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                        new ApiPrincipal(token.id(), token.name(), token.scope(), token.organisationId()), null, authorities));
                request.setAttribute(AUTHENTICATED, Boolean.TRUE);
            });
        }
        chain.doFilter(request, response);
    }

    /** Whether this request was authenticated by a valid API token (a header alone is not enough). */
    static boolean authenticated(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(AUTHENTICATED));
    }
}
