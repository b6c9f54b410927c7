package dk.klaremaal.platform;

import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any controller sees it, a request whose query string or form fields hold a C0
 * control character (U+0000 to U+001F): NUL cannot be stored or searched for in PostgreSQL, and no
 * address or choice on the pages needs one. A form field may hold a tab or line breaks (a text area
 * has lines); a query parameter may hold none. The answer is 400 naming the parameter: the styled
 * error page for a browser, a problem document for everyone else ({@link ErrorPageController}).
 * <p>
 * The staff pages' forms (under {@code /administration}) are left to their own checks: each field is
 * checked against {@link FieldLimits}, and the form is shown again with the field's own message and
 * what was typed, which serves the person better than an error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class ControlCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldProblem> problems = new ArrayList<>();
        query(request.getQueryString(), problems);
        if (problems.isEmpty() && form(request) && !staffForm(request)) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                boolean refused = control(parameter.getKey(), false);
                for (String value : parameter.getValue()) {
                    refused |= value != null && control(value, true);
                }
                if (refused) {
                    add(problems, parameter.getKey());
                }
            }
        }
        if (!problems.isEmpty()) {
            request.setAttribute(Problems.FIELD_PROBLEMS, problems);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                    problems.getFirst().field() + ": " + problems.getFirst().reason());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The query string's parameters, each name and value decoded as UTF-8; one that cannot be decoded is left to the container. */
    private static void query(String query, List<FieldProblem> problems) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if ((name != null && control(name, false)) || (value != null && control(value, false))) {
                add(problems, name == null ? pair : name);
            }
        }
    }

    private static void add(List<FieldProblem> problems, String name) {
        String field = printable(name);
        if (problems.stream().noneMatch(p -> p.field().equals(field))) {
            problems.add(FieldLimits.Rule.CONTROL_IN_PARAMETER.problem(field));
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean staffForm(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return path.equals("/administration") || path.startsWith("/administration/");
    }

    /** A form body the container reads into parameters (multipart uploads are read by their controllers). */
    private static boolean form(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the text holds a C0 control character; tab and line breaks allowed when {@code lines}. */
    static boolean control(String text, boolean lines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && !(lines && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    /** The parameter's name as it can be shown: each control character written as U+XXXX. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.chars().forEach(c -> shown.append(c < 0x20 ? "U+%04X".formatted(c) : String.valueOf((char) c)));
        return shown.toString();
    }
}
