package dk.klaremaal.publication;

import dk.klaremaal.platform.DataVersion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the public pages (and public API reads and open data) a node has rendered and serves them again while nothing they show has
 * changed: the key is the address, the language chosen, the data version (raised by every change to
 * what the pages show, on any node) and the minute (pages depend on the day, and uptime on the
 * minute). Only anonymous requests are served from it, only complete HTML, JSON and CSV answers that set no cookie
 * are kept, and a request that switches language is always rendered. The version is read before the
 * page is rendered, so a kept page is never older than its version.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class PageCacheFilter extends OncePerRequestFilter {

    private static final String[] PAGES = {"/organisationer/", "/maal/", "/sammenligning", "/rapporter/", "/indlejret/", "/api/v1/goals/",
            "/api/v1/organisations", "/data/", "/planer", "/api/v1/plans"};
    private static final java.util.List<String> KEPT_TYPES = java.util.List.of("text/html", "application/json", "text/csv");
    private static final int LARGEST = 1 << 20;

    private record Page(String contentType, String language, String disposition, byte[] body) {
    }

    private final DataVersion dataVersion;
    private final Clock clock;
    private final Map<String, Page> pages;

    PageCacheFilter(DataVersion dataVersion, Clock clock, @Value("${klaremaal.page-cache.entries:2000}") int entries) {
        this.dataVersion = dataVersion;
        this.clock = clock;
        this.pages = dk.klaremaal.platform.Lru.map(entries);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null || request.getParameter("lang") != null) {
            return true;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals("SESSION")) {
                    return true;
                }
            }
        }
        String path = request.getRequestURI();
        if (path.equals("/")) {
            return false;
        }
        for (String page : PAGES) {
            if (path.startsWith(page)) {
                return path.endsWith(".pdf");
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Pages carry absolute links (embed snippets) built from the address the request came to.
        String key = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getRequestURI()
                + "?" + request.getQueryString() + "|" + language(request) + "|" + dataVersion.current()
                + "|" + clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Page page = pages.get(key);
        if (page != null) {
            response.setHeader("X-Page-Cache", "hit");
            response.setContentType(page.contentType());
            if (page.disposition() != null) {
                response.setHeader("Content-Disposition", page.disposition());
            }
            if (page.language() != null) {
                response.setHeader("Content-Language", page.language());
            }
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
            return;
        }
        response.setHeader("X-Page-Cache", "miss");
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        String type = wrapper.getContentType();
        if (wrapper.getStatus() == 200 && type != null && KEPT_TYPES.stream().anyMatch(type::startsWith)
                && !wrapper.getHeaderNames().contains("Set-Cookie")
                && wrapper.getContentSize() <= LARGEST) {
            pages.put(key, new Page(type, wrapper.getHeader("Content-Language"), wrapper.getHeader("Content-Disposition"),
                    wrapper.getContentAsByteArray()));
        }
        wrapper.copyBodyToResponse();
    }

    private static String language(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals("klaremaal-sprog")) {
                    return cookie.getValue();
                }
            }
        }
        return "";
    }
}
