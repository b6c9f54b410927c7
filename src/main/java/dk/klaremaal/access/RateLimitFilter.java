package dk.klaremaal.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.klaremaal.platform.RequestPaths;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits per client address (token bucket, bucket4j). The public API, open data and Open311 get a
 * burst of {@code burst} requests, refilled at {@code per-minute} a minute; sign-in attempts (password
 * posts and starts of single sign-on) have a much smaller bucket of their own, on top of the lockout
 * of an account after repeated wrong passwords. Over the limit the answer is 429 with Retry-After.
 * Each application node counts for itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_CLIENTS = 100_000;

    private final long perMinute;
    private final long capacity;
    private final long signInPerMinute;
    private final long signInCapacity;
    /** A client's bucket is forgotten after ten idle minutes, when it would be full again anyway. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(Duration.ofMinutes(10)).build();

    RateLimitFilter(@Value("${klaremaal.rate-limit.per-minute:1200}") long perMinute, @Value("${klaremaal.rate-limit.burst:300}") long capacity,
                    @Value("${klaremaal.rate-limit.sign-in-per-minute:10}") long signInPerMinute,
                    @Value("${klaremaal.rate-limit.sign-in-burst:10}") long signInCapacity) {
        this.perMinute = perMinute;
        this.capacity = capacity;
        this.signInPerMinute = signInPerMinute;
        this.signInCapacity = signInCapacity;
    }

    private static boolean signIn(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return (path.equals("/log-ind") && "POST".equals(request.getMethod())) || path.startsWith("/oauth2/authorization/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return !(path.startsWith("/api/") || path.startsWith("/data/") || path.startsWith("/open311/") || path.equals("/oembed")
                || signIn(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean signIn = signIn(request);
        long size = signIn ? signInCapacity : capacity;
        long refill = signIn ? signInPerMinute : perMinute;
        Bucket bucket = buckets.get((signIn ? "sign-in " : "") + request.getRemoteAddr(), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(size).refillGreedy(refill, Duration.ofMinutes(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"title\":\"Too many requests\",\"status\":429,\"detail\":\"Slow down: try again in " + seconds
                + " seconds.\"}");
    }
}
