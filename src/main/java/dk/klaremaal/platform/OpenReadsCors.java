package dk.klaremaal.platform;

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
 * Open311 and the open data under {@code /data/} are for anyone, so another site's script may read
 * them: a {@code GET} or {@code HEAD} there is answered with {@code Access-Control-Allow-Origin: *},
 * errors included. No other answer says so – not the API (its reads sit beside staff writes and
 * tokens), not staff pages, and no write anywhere. No credentials are ever allowed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class OpenReadsCors extends OncePerRequestFilter {

    static boolean openRead(HttpServletRequest request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        String path = RequestPaths.of(request);
        return path.startsWith("/open311/") || path.startsWith("/data/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (openRead(request)) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        }
        chain.doFilter(request, response);
    }
}
