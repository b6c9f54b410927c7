package dk.klaremaal.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error answer that no controller gave itself (an unknown address, a bad parameter, an exception
 * from a filter): an accessible page from the message bundles for a browser, an RFC 9457 problem
 * document for everyone else and for every API address. A database that cannot be reached is a 503
 * with {@code Retry-After}, wherever it was noticed. The answer never touches the database.
 */
@Controller
class ErrorPageController implements ErrorController {

    /** Where the servlet container keeps the query string of the request that failed. */
    private static final String ERROR_QUERY_STRING = "jakarta.servlet.error.query_string";
    private static final List<String> API_PATHS = List.of("/api/", "/data/", "/oembed", "/open311/");

    private final ErrorAttributes errorAttributes;
    private final JsonMapper json;
    private final ProblemText text;

    ErrorPageController(ErrorAttributes errorAttributes, JsonMapper json, ProblemText text) {
        this.errorAttributes = errorAttributes;
        this.json = json;
        this.text = text;
    }

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Throwable exception = errorAttributes.getError(new ServletWebRequest(request));
        if (exception == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            exception = t;
        }
        if (exception != null && Problems.databaseUnavailable(exception)) {
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Problems.RETRY_AFTER_SECONDS));
        }
        response.setStatus(status);
        @SuppressWarnings("unchecked")
        List<InvalidInputException.FieldProblem> fields = (List<InvalidInputException.FieldProblem>) request.getAttribute(Problems.FIELD_PROBLEMS);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String p ? p : request.getRequestURI();
        if (API_PATHS.stream().anyMatch(path::startsWith) || !wantsHtml(request)) {
            problem(status, path, message(request, status), fields, ApiLanguage.of(request), response);
            return null;
        }
        ModelAndView page = new ModelAndView("error", HttpStatus.valueOf(status));
        page.addObject("status", status);
        page.addObject("key", switch (status) {
            case HttpServletResponse.SC_NOT_FOUND -> "notfound";
            case HttpServletResponse.SC_BAD_REQUEST -> "error.badrequest";
            case HttpServletResponse.SC_FORBIDDEN -> "error.forbidden";
            case HttpServletResponse.SC_SERVICE_UNAVAILABLE -> "error.unavailable";
            default -> "error";
        });
        page.addObject("problems", fields == null ? List.of() : fields);
        page.addObject("retryAfter", Problems.RETRY_AFTER_SECONDS);
        // The language switch leads to the address asked for, not to the error page's own.
        Object query = request.getAttribute(ERROR_QUERY_STRING);
        page.addObject("otherLanguageUrl", UriComponentsBuilder.fromPath(path).query(query instanceof String q ? q : null)
                .replaceQueryParam("lang", LanguageConfiguration.english() ? "da" : "en").build().toUriString());
        return page;
    }

    private void problem(int status, String path, String detail, List<InvalidInputException.FieldProblem> fields,
                         java.util.Locale locale, HttpServletResponse response) throws IOException {
        HttpStatus httpStatus = HttpStatus.valueOf(status);
        String title = httpStatus.getReasonPhrase();
        if (!locale.equals(java.util.Locale.ENGLISH)) {
            // Said in Danish when the client asks for it (Accept-Language: da); field names and values stay as sent.
            title = java.util.Objects.requireNonNullElse(text.message("problem.title." + status, locale), title);
            if (fields != null) {
                fields = text.said(fields, locale);
                detail = fields.stream().map(p -> p.field() + ": " + p.reason()).reduce((a, b) -> a + "; " + b).orElse(detail);
            } else if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                detail = text.message("error.unavailable.text", locale, Problems.RETRY_AFTER_SECONDS);
            } else if (status == HttpServletResponse.SC_NOT_FOUND && detail.startsWith("No static resource")) {
                detail = text.message("notfound.text", locale);
            } else {
                detail = text.say(detail, locale);
            }
        } else if (status == HttpServletResponse.SC_NOT_FOUND && detail.startsWith("No static resource")) {
            // The framework's words name its own workings; the client is told that the address names nothing.
            detail = text.message("notfound.text", locale);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", status == HttpServletResponse.SC_SERVICE_UNAVAILABLE ? "urn:klaremaal:problem:database-unavailable"
                : fields != null ? "urn:klaremaal:problem:invalid-input" : "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", path);
        if (fields != null) {
            problem.put("errors", fields);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), problem);
    }

    /** The reason given with a 4xx (it names what was not found or not valid); never an exception's text for a 5xx. */
    private static String message(HttpServletRequest request, int status) {
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            return Problems.unavailable().getDetail();
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (status < 500 && message instanceof String m && !m.isBlank()) {
            return m;
        }
        return HttpStatus.valueOf(status).getReasonPhrase();
    }

    /** Browsers name text/html in what they accept; API clients and tools ask for JSON or anything. */
    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("html"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
