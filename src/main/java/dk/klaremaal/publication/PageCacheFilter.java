package dk.klaremaal.publication;

import com.github.benmanes.caffeine.cache.Caffeine;
import dk.klaremaal.platform.DataVersion;
import dk.klaremaal.platform.DatabaseTrouble;
import dk.klaremaal.platform.KeptCaches;
import dk.klaremaal.platform.PublicReads;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the public pages (and public API reads and open data) a node has answered and serves them again while
 * nothing they show has changed. Each page is kept once, under its address: the path, the query parameters its
 * handler reads ({@link PageParameters}; any other parameter is hidden from the handler, so it cannot change the
 * page) and the language chosen. It is served while the version of what it read and the minute (pages depend on
 * the day, uptime on the minute) are the ones it was answered under. A page about one organisation or one goal reads
 * that organisation's data and the organisations' names, and is kept under {@link DataVersion#ofOrganisation}; any
 * other page (the front page, comparisons, lists of all organisations) under {@link DataVersion#current()}. The version
 * is read before the page is rendered, so a kept page is never older than its version.
 * <p>
 * Only anonymous requests are served from it, only complete HTML, JSON and CSV answers that set no cookie are kept,
 * and a request that switches language is always rendered. Pages are rendered with a short lock timeout
 * ({@link PublicReads}); when the database is unreachable or too slow, the page kept for the address is answered
 * even if it is older ({@code X-Page-Cache: stale}). The cache is bounded by the bytes it holds
 * ({@code klaremaal.page-cache.max-bytes}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class PageCacheFilter extends OncePerRequestFilter {

    private static final String[] PAGES = {"/organisationer/", "/maal/", "/sammenligning", "/rapporter/", "/indlejret/", "/api/v1/goals/",
            "/api/v1/organisations", "/data/", "/planer", "/api/v1/plans"};
    private static final List<String> KEPT_TYPES = List.of("text/html", "application/json", "text/csv");
    /** Pages about one goal: they read the goal's organisation. */
    private static final Pattern GOAL_PAGE = Pattern.compile("/(?:maal|indlejret/maal|api/v1/goals|data/maal)/(\\d{1,18})(?:[/.].*)?");
    /** Pages about one organisation: they read that organisation. */
    private static final Pattern ORGANISATION_PAGE = Pattern.compile(
            "/(?:organisationer|rapporter|data/organisationer|data/rapporter|api/v1/organisations|planer|api/v1/plans)/([a-z0-9-]+)(?:[/.].*)?");
    /** What a kept page costs beside its body: its address, headers and the entry itself. */
    private static final int OVERHEAD = 512;

    private record Page(long version, Instant minute, String contentType, String language, String disposition, byte[] body) {
    }

    private final DataVersion dataVersion;
    private final PublicReads reads;
    private final PageParameters parameters;
    private final Clock clock;
    private final KeptCaches.Kept<String, Page> pages;
    private final long largest;

    PageCacheFilter(DataVersion dataVersion, PublicReads reads, PageParameters parameters, Clock clock, KeptCaches caches,
                    @Value("${klaremaal.page-cache.max-bytes:64MB}") DataSize maxBytes) {
        this.dataVersion = dataVersion;
        this.reads = reads;
        this.parameters = parameters;
        this.clock = clock;
        // One answer may take at most an eighth of the cache (and 1 MB), so a few large ones cannot push out the rest.
        this.largest = Math.min(1 << 20, maxBytes.toBytes() / 8);
        this.pages = caches.build("pages", Caffeine.newBuilder().maximumWeight(maxBytes.toBytes())
                .weigher((String address, Page page) -> (int) Math.min(Integer.MAX_VALUE, 2L * address.length() + page.body().length + OVERHEAD)));
    }

    /** The bytes the kept pages take (their weight), after pending evictions. */
    long keptBytes() {
        return pages.weight();
    }

    long keptPages() {
        return pages.size();
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
        PageParameters.Read read = parameters.read(request);
        // Pages carry absolute links (embed snippets) built from the address the request came to.
        String address = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getRequestURI()
                + "?" + read.query() + "|" + language(request);
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        long[] version = new long[1];
        Page[] hit = new Page[1];
        try {
            // The version is read in the same short-waiting transaction as the page, so neither waits on a lock.
            reads.run(() -> {
                version[0] = versionOfWhatIsRead(request.getRequestURI());
                hit[0] = pages.valid(address, page -> page.version() == version[0] && page.minute().equals(minute));
                if (hit[0] == null) {
                    response.setHeader("X-Page-Cache", "miss");
                    chain.doFilter(read.request(), wrapper);
                }
            });
        } catch (ServletException | IOException | RuntimeException e) {
            Page kept = pages.any(address);
            if (kept != null && DatabaseTrouble.causedBy(e) && !response.isCommitted()) {
                wrapper.resetBuffer();
                serve(kept, "stale", response);
                return;
            }
            throw e;
        }
        if (hit[0] != null) {
            serve(hit[0], "hit", response);
            return;
        }
        Page kept = wrapper.getStatus() >= 500 ? pages.any(address) : null;
        if (kept != null && databaseTrouble(request, wrapper.getStatus()) && !response.isCommitted()) {
            wrapper.resetBuffer();
            serve(kept, "stale", response);
            return;
        }
        String type = wrapper.getContentType();
        if (wrapper.getStatus() == 200 && type != null && KEPT_TYPES.stream().anyMatch(type::startsWith)
                && !wrapper.getHeaderNames().contains("Set-Cookie")
                && wrapper.getContentSize() <= largest) {
            pages.put(address, new Page(version[0], minute, type, wrapper.getHeader("Content-Language"), wrapper.getHeader("Content-Disposition"),
                    wrapper.getContentAsByteArray()));
        }
        wrapper.copyBodyToResponse();
    }

    /** The version of exactly what the page at this path reads (see the class comment). */
    private long versionOfWhatIsRead(String path) {
        Matcher goal = GOAL_PAGE.matcher(path);
        if (goal.matches()) {
            return dataVersion.ofGoalOwner(Long.parseLong(goal.group(1)));
        }
        Matcher organisation = ORGANISATION_PAGE.matcher(path);
        if (organisation.matches()) {
            return dataVersion.ofOrganisation(organisation.group(1));
        }
        return dataVersion.current();
    }

    /** An error answer given because the database could not be reached or was too slow (a 503, or such a cause recorded). */
    private static boolean databaseTrouble(HttpServletRequest request, int status) {
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            return true;
        }
        return request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof Throwable handled && DatabaseTrouble.causedBy(handled)
                || request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error && DatabaseTrouble.causedBy(error);
    }

    private static void serve(Page page, String how, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("X-Page-Cache", how);
        response.setContentType(page.contentType());
        if (page.disposition() != null) {
            response.setHeader("Content-Disposition", page.disposition());
        }
        if (page.language() != null) {
            response.setHeader("Content-Language", page.language());
        }
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
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
