package dk.klaremaal.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Uploads to the API larger than the limit are refused with 413 before they are read. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeFilter(@Value("${klaremaal.upload.max-bytes:209715200}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/administration/"))
                || "GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":\"Upload too large\",\"status\":413,\"detail\":\"The upload is " + length
                    + " bytes; at most " + maxBytes + " bytes are accepted in one request. Split it into several.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
