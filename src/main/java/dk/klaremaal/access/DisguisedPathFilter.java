package dk.klaremaal.access;

import dk.klaremaal.platform.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any other filter sees it, a request whose path percent-encodes a character that
 * never needs it ({@code /%61pi/v1/tokens} for {@code /api/v1/tokens}). Every filter also decides by
 * the decoded path ({@link RequestPaths#of}); this keeps the question from arising at all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DisguisedPathFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (RequestPaths.disguised(request.getRequestURI())) {
            response.setStatus(400);
            response.setContentType("application/problem+json");
            response.getWriter().write("""
                    {"title":"Bad request","status":400,"detail":"The path percent-encodes a character that must be written as \
                    itself (a letter, a digit, one of - . _ ~) or may not be encoded (/ \\\\ ; %)."}""");
            return;
        }
        chain.doFilter(request, response);
    }
}
