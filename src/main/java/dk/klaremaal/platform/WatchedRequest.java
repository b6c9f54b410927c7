package dk.klaremaal.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body is shown to a watcher as it is read, chunk by chunk, with how long each read
 * waited for the sender: the audit log hashes the body this way, and the upload limits time it, in
 * constant memory whatever its size. The watcher may refuse to go on by throwing.
 */
public class WatchedRequest extends HttpServletRequestWrapper {

    /** Sees each chunk read (length 0 at the end) and how many nanoseconds the read waited for it. */
    @FunctionalInterface
    public interface Watcher {
        void read(byte[] buffer, int offset, int length, long waitedNanos) throws IOException;
    }

    private final Watcher watcher;
    private ServletInputStream stream;
    private BufferedReader reader;

    public WatchedRequest(HttpServletRequest request, Watcher watcher) {
        super(request);
        this.watcher = watcher;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            ServletInputStream in = super.getInputStream();
            stream = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    long before = System.nanoTime();
                    int n = in.read(buffer, offset, length);
                    watcher.read(buffer, offset, Math.max(n, 0), System.nanoTime() - before);
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
        }
        return reader;
    }

    /** The body's declared character set, UTF-8 when none is declared. */
    public static Charset charset(HttpServletRequest request) {
        String encoding = request.getCharacterEncoding();
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    }
}
