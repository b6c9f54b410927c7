package dk.klaremaal.platform;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Renders well-formed XHTML to PDF with IBM Plex Sans (from DKFDS) embedded, so Danish letters print and copy correctly. */
@Component
public class PdfRenderer {

    private static final String PRINT_CSS = text("static/css/report.css");

    /** The print styles of reports and annexes, to inline into a document (a PDF has no server to fetch them from). */
    public String printCss() {
        return PRINT_CSS;
    }

    private static String text(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("IBMPlexSans-Regular.ttf"), "IBM Plex Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("IBMPlexSans-SemiBold.ttf"), "IBM Plex Sans", 600, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("IBMPlexSans-Bold.ttf"), "IBM Plex Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font(String file) {
        try {
            return new ClassPathResource("static/dkfds/fonts/IBMPlexSans/complete/ttf/" + file).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
