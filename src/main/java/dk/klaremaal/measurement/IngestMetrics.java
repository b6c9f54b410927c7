package dk.klaremaal.measurement;

import dk.klaremaal.platform.IngestReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Metrics of every dataset upload ({@code POST /api/v1/{dataset}}), taken at the edge so that the ingest services
 * stay free of them: {@code klaremaal_ingest_seconds{dataset, outcome}} (outcome {@code stored}, {@code refused} with
 * row errors, or {@code failed}: no report) and {@code klaremaal_ingest_rows_total{dataset, result}} (result
 * {@code accepted}, {@code duplicate} or {@code rejected}, from the upload's report).
 */
@ControllerAdvice(assignableTypes = DatasetApiController.class)
class IngestMetrics implements ResponseBodyAdvice<Object>, HandlerInterceptor, WebMvcConfigurer {

    private static final String STARTED = IngestMetrics.class.getName() + ".started";
    private static final String REPORT = IngestMetrics.class.getName() + ".report";

    private final MeterRegistry meters;

    IngestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/*");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("POST".equals(request.getMethod()) && dataset(request) != null) {
            request.setAttribute(STARTED, System.nanoTime());
        }
        return true;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof IngestReport report && request instanceof ServletServerHttpRequest servlet) {
            servlet.getServletRequest().setAttribute(REPORT, report);
        }
        return body;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(request.getAttribute(STARTED) instanceof Long started)) {
            return;
        }
        String dataset = dataset(request);
        long nanos = System.nanoTime() - started;
        IngestReport report = request.getAttribute(REPORT) instanceof IngestReport r ? r : null;
        String outcome = report == null ? "failed" : report.stored() ? "stored" : "refused";
        Timer.builder("klaremaal.ingest").description("Dataset uploads, from request to answer")
                .tags("dataset", dataset, "outcome", outcome).register(meters).record(nanos, TimeUnit.NANOSECONDS);
        if (report != null) {
            rows(dataset, "accepted", report.accepted());
            rows(dataset, "duplicate", report.duplicates());
            rows(dataset, "rejected", report.rejected());
        }
    }

    private void rows(String dataset, String result, int count) {
        meters.counter("klaremaal.ingest.rows", "dataset", dataset, "result", result).increment(count);
    }

    /** The dataset the request was mapped to, or null for other API paths. */
    private static String dataset(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("dataset") instanceof String dataset && dataset.matches(DatasetNames.PATTERN)) {
            return dataset;
        }
        return null;
    }
}
