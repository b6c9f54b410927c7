package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8InputTest {

    private static String read(byte[] bytes) {
        try (Reader reader = Utf8Input.reader(new ByteArrayInputStream(bytes))) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] check(byte[] bytes) {
        // Read in small, odd pieces so characters are cut between reads.
        try (InputStream in = Utf8Input.checked(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] piece = new byte[7];
            int n;
            while ((n = in.read(piece)) >= 0) {
                out.write(piece, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void utf8OfEveryLengthIsReadUnchangedAcrossBufferBoundaries() {
        String text = ("event_id,æøå ÆØÅ é – € 😀 \uFEFF\n").repeat(2000);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(read(bytes)).isEqualTo(text);
        assertThat(check(bytes)).isEqualTo(bytes);
    }

    @Test
    void aFileSavedAsWindows1252IsRefusedNamingLineByteAndTheLikelyEncoding() {
        byte[] bytes = "a,b\n1,2\n3,blåbær\n".getBytes(Charset.forName("windows-1252"));
        for (Runnable reading : List.<Runnable>of(() -> read(bytes), () -> check(bytes))) {
            InvalidEncodingException e = catchThrowableOfType(InvalidEncodingException.class, reading::run);
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.byteOffset()).isEqualTo(12);
            assertThat(e.problems().getFirst().field()).isEqualTo("encoding");
            assertThat(e.getMessage()).contains("line 3, byte 12: 0xE5 is not UTF-8", "Windows-1252", "'å'", "save it as UTF-8".substring(1));
        }
    }

    @Test
    void otherBadBytesAndACharacterCutOffAtTheEndAreRefused() {
        assertThatThrownBy(() -> read(new byte[] {'a', '\n', (byte) 0xC0, (byte) 0x80})).isInstanceOf(InvalidEncodingException.class)
                .hasMessageContaining("line 2, byte 2: 0xC0 is not");
        assertThatThrownBy(() -> check(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).isInstanceOf(InvalidEncodingException.class)
                .hasMessageContaining("line 1, byte 1: the bytes 0xE2 0x82 are not valid UTF-8");
        assertThatThrownBy(() -> read(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80})).isInstanceOf(InvalidEncodingException.class)
                .hasMessageContaining("byte 1");
        byte[] utf16 = "\uFEFFa,b\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> read(utf16)).isInstanceOf(InvalidEncodingException.class)
                .hasMessageContaining("line 1, byte 0: the file starts like UTF-16");
    }
}
