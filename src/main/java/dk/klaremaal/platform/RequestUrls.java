package dk.klaremaal.platform;

import java.util.regex.Pattern;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * The application's own address as the current request names it (scheme, host, port and context path,
 * from the Host header or, behind a proxy, the forwarded headers). Those headers are whatever the
 * caller sent, so the address is refused unless it is a plain http(s) address of a host name or IP
 * address: markup or a script in a Host or X-Forwarded-* header never reaches a page, a snippet or an
 * oEmbed answer. Where the address is written into HTML it is escaped as well ({@link Markup}).
 */
public final class RequestUrls {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern PATH = Pattern.compile("(?:/[A-Za-z0-9._~%-]+)*/?");

    private RequestUrls() {
    }

    /** {@code https://host[:port][/context]}, without a trailing slash. */
    public static String base() {
        UriComponents uri = ServletUriComponentsBuilder.fromCurrentContextPath().build();
        String scheme = uri.getScheme();
        boolean valid = ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                && uri.getHost() != null && HOST.matcher(uri.getHost()).matches()
                && (uri.getPath() == null || PATH.matcher(uri.getPath()).matches())
                && uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null;
        if (!valid) {
            throw new InvalidInputException("Host", "the request names no valid host for this site (Host or X-Forwarded-* header)");
        }
        String base = uri.toUriString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
