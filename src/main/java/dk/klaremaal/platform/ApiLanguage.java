package dk.klaremaal.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The language of the API's error texts: English unless the client's {@code Accept-Language} prefers
 * Danish ({@code da}). Problem documents (title, detail and each field's reason) and the row errors of
 * an upload are said in it; field names, codes and values stay as sent. A body sent with a
 * {@code Content-Language} header is left as its handler said it.
 */
@RestControllerAdvice
public class ApiLanguage implements ResponseBodyAdvice<Object> {

    private static final List<Locale> OFFERED = List.of(Locale.ENGLISH, LanguageConfiguration.DANISH);

    private final ProblemText text;

    ApiLanguage(ProblemText text) {
        this.text = text;
    }

    /** The language {@code Accept-Language} asks for among English and Danish; English when it names neither or is malformed. */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() == 0) {
                    continue;
                }
                String language = range.getRange().split("-")[0];
                for (Locale offered : OFFERED) {
                    if (offered.getLanguage().equals(language)) {
                        return offered;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
        return Locale.ENGLISH;
    }

    public static Locale of(HttpServletRequest request) {
        return of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail) && !(body instanceof IngestReport)) {
            return body;
        }
        // A handler that states the body's language (Content-Language) has said it in that language already.
        if (response.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE) != null) {
            return body;
        }
        Locale locale = request instanceof ServletServerHttpRequest servlet ? of(servlet.getServletRequest())
                : of(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        if (locale.equals(Locale.ENGLISH)) {
            return body;
        }
        if (body instanceof IngestReport report) {
            return new IngestReport(report.stored(), report.rows(), report.accepted(), report.duplicates(), report.rejected(),
                    report.errors().stream().map(e -> new IngestReport.RowError(e.row(), e.id(), e.field(), e.value(),
                            text.say(e.reason(), locale))).toList());
        }
        ProblemDetail problem = (ProblemDetail) body;
        String title = text.message("problem.title." + problem.getStatus(), locale);
        if (title != null) {
            problem.setTitle(title);
        }
        Object errors = problem.getProperties() == null ? null : problem.getProperties().get("errors");
        if (errors instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof InvalidInputException.FieldProblem) {
            @SuppressWarnings("unchecked")
            List<InvalidInputException.FieldProblem> said = text.said((List<InvalidInputException.FieldProblem>) list, locale);
            problem.setProperty("errors", said);
            problem.setDetail(said.stream().map(p -> p.field() + ": " + p.reason()).reduce((a, b) -> a + "; " + b).orElse(""));
        } else if (problem.getStatus() == 503) {
            problem.setDetail(text.message("error.unavailable.text", locale, Problems.RETRY_AFTER_SECONDS));
        } else {
            problem.setDetail(text.say(problem.getDetail(), locale));
        }
        return problem;
    }
}
