package dk.klaremaal.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON is UTF-8 (RFC 8259). The JSON parser refuses most bytes that are not, but with a message
 * about "middle bytes"; and it reads some invalid forms (an overlong NUL) as characters. A JSON body
 * sent without another charset is therefore checked as it is read, and a byte that is not UTF-8 is
 * answered with a problem document naming its line and byte offset, as a CSV upload is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class Utf8BodyFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
            // JSON between systems is UTF-8 (RFC 8259, 8.1), whatever charset the sender declares.
            return !json;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream checked;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (checked == null) {
                    checked = new CheckedServletStream(super.getInputStream());
                }
                return checked;
            }
        }, response);
    }

    private static final class CheckedServletStream extends ServletInputStream {

        private final ServletInputStream original;
        private final InputStream checked;

        CheckedServletStream(ServletInputStream original) {
            this.original = original;
            this.checked = Utf8Input.checked(original);
        }

        @Override
        public int read() throws IOException {
            return checked.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return checked.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return original.isFinished();
        }

        @Override
        public boolean isReady() {
            return original.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            original.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            checked.close();
        }
    }
}
