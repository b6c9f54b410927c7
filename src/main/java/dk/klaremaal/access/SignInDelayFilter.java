package dk.klaremaal.access;

import dk.klaremaal.platform.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Turns a password attempt away, unchecked, while its address must still wait at that account ({@link SignInDelays}). */
class SignInDelayFilter extends OncePerRequestFilter {

    private final SignInDelays delays;

    SignInDelayFilter(SignInDelays delays) {
        this.delays = delays;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && RequestPaths.of(request).equals("/log-ind"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        long wait = username == null ? 0 : delays.secondsToWait(request.getRemoteAddr(), username);
        if (wait > 0) {
            response.setHeader("Retry-After", String.valueOf(wait));
            response.sendRedirect(request.getContextPath() + "/log-ind?vent=" + wait);
            return;
        }
        chain.doFilter(request, response);
    }
}
