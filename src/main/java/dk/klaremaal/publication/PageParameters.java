package dk.klaremaal.publication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The query parameters a public page reads: those its handler method takes as {@code @RequestParam}, found from the
 * handler that answers the request (so a parameter added to a controller is part of the page's address without more).
 * Every other parameter is hidden from the page, so {@code ?x=1}, {@code ?x=2} ... all give the same page, kept once.
 */
@Component
class PageParameters {

    /** The parameters read, in a canonical order and encoding, and the request that shows the page only those. */
    record Read(String query, HttpServletRequest request) {
    }

    private final HandlerMapping handlers;

    PageParameters(@Qualifier("requestMappingHandlerMapping") HandlerMapping handlers) {
        this.handlers = handlers;
    }

    Read read(HttpServletRequest request) {
        Set<String> names = namesRead(request);
        Map<String, String[]> kept = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder();
        for (String name : names) {
            String[] values = request.getParameterValues(name);
            if (values == null) {
                continue;
            }
            kept.put(name, values);
            for (String value : values) {
                query.append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return new Read(query.toString(), new Only(request, kept, query.isEmpty() ? null : query.toString()));
    }

    /** The names of the parameters the request's handler reads, sorted; all the request has when it may read any. */
    private Set<String> namesRead(HttpServletRequest request) {
        Set<String> names = new TreeSet<>();
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            HandlerExecutionChain chain = handlers.getHandler(request);
            if (chain == null || !(chain.getHandler() instanceof HandlerMethod method)) {
                return names;
            }
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (parameter.hasParameterAnnotation(ModelAttribute.class) || param != null && Map.class.isAssignableFrom(parameter.getParameterType())
                        || HttpServletRequest.class.isAssignableFrom(parameter.getParameterType())) {
                    names.addAll(request.getParameterMap().keySet());
                } else if (param != null) {
                    names.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
                }
            }
            return names;
        } catch (Exception e) {
            // No handler can answer (the request fails later in the usual way): the page reads nothing.
            return names;
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    /** The request as the page sees it: only the parameters it reads. */
    private static final class Only extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;
        private final String query;

        Only(HttpServletRequest request, Map<String, String[]> parameters, String query) {
            super(request);
            this.parameters = Collections.unmodifiableMap(parameters);
            this.query = query;
        }

        @Override
        public String getQueryString() {
            return query;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
