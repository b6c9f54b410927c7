package dk.klaremaal.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.IntegrationTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Uploads that trickle in cannot take the database connections pages need: a small body is read
 * whole before a connection is taken, at most two large ones run at once, and a sender slower than
 * the minimum rate is cut off.
 */
@TestPropertySource(properties = {
        "klaremaal.upload.min-bytes-per-second=1000",
        "klaremaal.upload.grace-seconds=1",
        "klaremaal.upload.concurrent=2",
        "spring.datasource.hikari.maximum-pool-size=4",
})
class SlowUploadIT extends IntegrationTest {

    /** Sends the headers, then the body a byte at a time with a pause between; the answer's status line. */
    private String trickle(int declaredLength, int pauseMillis) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/contacts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + INGEST_TOKEN
                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + declaredLength + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < declaredLength; i++) {
                if (in.available() > 0) {
                    break;
                }
                try {
                    out.write('c');
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(pauseMillis);
            }
            String answer = new String(in.readNBytes(200), StandardCharsets.US_ASCII);
            return answer.isEmpty() ? "closed" : answer.lines().findFirst().orElse("");
        }
    }

    @Test
    void tricklingUploadsAreCutOffAndPagesKeepAnswering() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> uploads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                uploads.add(senders.submit(() -> trickle(200, 400)));
                uploads.add(senders.submit(() -> trickle(5_000_000, 400)));
            }
            Thread.sleep(500);
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                assertThat(get("/api/v1/organisations").statusCode()).isEqualTo(200);
                assertThat(post("/api/v1/organisations", "application/json", "[", ADMIN_TOKEN).statusCode()).isBetween(400, 499);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("answered while uploads trickle").isLessThan(3_000);
                Thread.sleep(200);
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> upload : uploads) {
                answers.add(upload.get(30, TimeUnit.SECONDS));
            }
            assertThat(answers).allSatisfy(a -> assertThat(a).matches("HTTP/1.1 (4\\d\\d|503) .*|closed"));
            assertThat(answers).anySatisfy(a -> assertThat(a).startsWith("HTTP/1.1 408"));
            assertThat(answers).anySatisfy(a -> assertThat(a).startsWith("HTTP/1.1 503"));
        } finally {
            senders.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from contact").query(Long.class).single()).isZero();
    }
}
