package dk.klaremaal.access;

import dk.klaremaal.platform.RequestPaths;
import dk.klaremaal.platform.WatchedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies sent to the API and the staff pages, before anything else reads them:
 * <ul>
 * <li>larger than {@code klaremaal.upload.max-bytes}: refused with 413, by the declared length before a
 *     byte is read, or when a body of undeclared length grows past it;</li>
 * <li>arriving more slowly than {@code min-bytes-per-second}, counted over the time spent waiting for
 *     the sender (not over time the application spends storing), once {@code grace-seconds} of waiting
 *     have passed: cut off, so a sender that trickles cannot hold a database connection for long;</li>
 * <li>small ones (up to {@value #READ_FIRST} bytes) are read whole here, before the request takes a
 *     database connection;</li>
 * <li>larger ones are streamed into the database as they arrive and hold a connection meanwhile, so
 *     at most {@code concurrent} of them run at once on a node: uploads never take more than that
 *     share of the connection pool from the pages. Over it, the answer is 503 with Retry-After.</li>
 * </ul>
 * Forms are read by the servlet container itself before any connection is taken; only their size is checked here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class UploadLimitFilter extends OncePerRequestFilter {

    static final int READ_FIRST = 256 * 1024;

    private final long maxBytes;
    private final long minBytesPerSecond;
    private final long graceNanos;
    private final Semaphore places;

    UploadLimitFilter(@Value("${klaremaal.upload.max-bytes:209715200}") long maxBytes,
                      @Value("${klaremaal.upload.min-bytes-per-second:2048}") long minBytesPerSecond,
                      @Value("${klaremaal.upload.grace-seconds:10}") long graceSeconds,
                      @Value("${klaremaal.upload.concurrent:3}") int concurrent) {
        this.maxBytes = maxBytes;
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = TimeUnit.SECONDS.toNanos(graceSeconds);
        this.places = new Semaphore(concurrent, true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        String method = request.getMethod();
        return !(path.startsWith("/api/") || path.startsWith("/administration/"))
                || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            refuse(response, 413, "Upload too large", "The upload is " + length + " bytes; at most " + maxBytes
                    + " bytes are accepted in one request. Split it into several.");
            return;
        }
        String type = request.getContentType();
        if (type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/"))) {
            chain.doFilter(request, response);
            return;
        }
        WatchedRequest body = new WatchedRequest(request, new Pace());
        if (length >= 0 && length <= READ_FIRST) {
            byte[] whole;
            try {
                whole = body.getInputStream().readAllBytes();
            } catch (TooSlow e) {
                refuse(response, 408, "Upload too slow", e.getMessage());
                return;
            }
            chain.doFilter(new Read(request, whole), response);
            return;
        }
        boolean placed;
        try {
            placed = places.tryAcquire(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            placed = false;
        }
        if (!placed) {
            response.setHeader("Retry-After", "30");
            refuse(response, 503, "Too many uploads at once", "Other uploads are being stored; send this one again in a little while.");
            return;
        }
        try {
            chain.doFilter(body, response);
        } finally {
            places.release();
        }
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    /** A body that came too slowly, or grew too large; the message says which, for the sender. */
    static final class TooSlow extends IOException {
        TooSlow(String message) {
            super(message);
        }
    }

    /** Counts a body and the time spent waiting for its sender, and stops it when it grows too large or comes too slowly. */
    private final class Pace implements WatchedRequest.Watcher {

        private long count;
        private long waited;

        @Override
        public void read(byte[] buffer, int offset, int length, long waitedNanos) throws TooSlow {
            count += length;
            waited += waitedNanos;
            if (count > maxBytes) {
                throw new TooSlow("The upload is larger than " + maxBytes + " bytes, the most accepted in one request. Split it into several.");
            }
            if (waited > graceNanos && count * 1_000_000_000d / waited < minBytesPerSecond) {
                throw new TooSlow("The upload arrived at " + Math.round(count * 1_000_000_000d / waited)
                        + " bytes per second; at least " + minBytesPerSecond + " are needed. Send it again over a faster connection.");
            }
        }
    }

    /** The request with its body already read. */
    private static final class Read extends HttpServletRequestWrapper {

        private final byte[] body;
        private ServletInputStream stream;
        private BufferedReader reader;

        Read(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                stream = new ServletInputStream() {
                    @Override
                    public int read() {
                        return in.read();
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) {
                        return in.read(buffer, offset, length);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException("the body is already read");
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(getInputStream(), WatchedRequest.charset(this)));
            }
            return reader;
        }
    }
}
