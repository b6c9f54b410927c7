package dk.klaremaal.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is for, as Spring Security and Spring MVC match it: decoded and normalised by
 * the servlet container, without the context path. Filters that decide by path use this, never the
 * raw request URI, so that an encoded spelling of a path is the same path to every one of them.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    public static String of(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    /**
     * Whether the raw path spells a character with percent-encoding that never needs it: a letter, a
     * digit or one of {@code - . _ ~} (RFC 3986's unreserved characters), or a slash, backslash,
     * semicolon or percent sign. No link the application makes looks like that; such a spelling only
     * serves to make a path look different to different readers.
     */
    public static boolean disguised(String rawPath) {
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length()) {
                return true; // a cut-off escape
            }
            int high = Character.digit(rawPath.charAt(i + 1), 16);
            int low = Character.digit(rawPath.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return true;
            }
            char c = (char) (high * 16 + low);
            if (c < 128 && Character.isLetterOrDigit(c) || "-._~/\\;%".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }
}
