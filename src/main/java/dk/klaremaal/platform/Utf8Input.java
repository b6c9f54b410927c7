package dk.klaremaal.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Reads uploads as UTF-8 and refuses any byte that is not, instead of replacing it with U+FFFD and
 * storing that. The refusal names the line and byte offset, and says so when the file looks like
 * Windows-1252 (Latin-1), as spreadsheets on Danish Windows save it, or UTF-16. Both forms stream
 * in constant memory.
 */
public final class Utf8Input {

    private static final int BUFFER = 8192;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Utf8Input() {
    }

    /** The text of a UTF-8 upload; a byte that is not UTF-8 ends the reading with an {@link InvalidEncodingException}. */
    public static Reader reader(InputStream in) {
        return new DecodingReader(in);
    }

    /**
     * The same bytes, unchanged, for a parser that decodes them itself; a byte that is not UTF-8
     * throws an {@link InvalidEncodingException} before the parser sees it.
     */
    public static InputStream checked(InputStream in) {
        return new CheckedStream(in);
    }

    /** A decoder that knows how far into the upload it is, for naming where a bad byte is. */
    private static final class Position {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private long bytesDecoded;
        private long line = 1;

        void decode(ByteBuffer in, CharBuffer out, boolean endOfInput) {
            int inStart = in.position();
            int outStart = out.position();
            CoderResult result = decoder.decode(in, out, endOfInput);
            for (int i = outStart; i < out.position(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                }
            }
            bytesDecoded += in.position() - inStart;
            if (result.isError()) {
                throw refusal(in, result.length());
            }
        }

        void flush(CharBuffer out) {
            decoder.flush(out);
        }

        private InvalidEncodingException refusal(ByteBuffer in, int length) {
            byte[] bad = new byte[Math.min(length, in.remaining())];
            in.get(in.position(), bad);
            String hex = "0x" + HexFormat.of().withUpperCase().formatHex(bad).replaceAll("(..)(?!$)", "$1 0x");
            String where = "line " + line + ", byte " + bytesDecoded + ": ";
            String reason;
            if (bytesDecoded == 0 && in.remaining() >= 2 && isUtf16ByteOrderMark(in.get(in.position()), in.get(in.position() + 1))) {
                reason = where + "the file starts like UTF-16, not UTF-8. Save it as UTF-8 (in Excel: CSV UTF-8) and send it again";
            } else {
                String windows1252 = new String(new byte[] {in.get(in.position())}, WINDOWS_1252);
                char c = windows1252.charAt(0);
                if (bad.length == 1 && c != '\uFFFD' && !Character.isISOControl(c)) {
                    reason = where + hex + " is not UTF-8. The file seems to be saved as Windows-1252 (Latin-1), where " + hex
                            + " is '" + c + "'. Save it as UTF-8 (in Excel: CSV UTF-8) and send it again";
                } else {
                    reason = where + (bad.length == 1 ? hex + " is" : "the bytes " + hex + " are")
                            + " not valid UTF-8. Save the file as UTF-8 and send it again";
                }
            }
            return new InvalidEncodingException(line, bytesDecoded, reason);
        }

        private static boolean isUtf16ByteOrderMark(byte first, byte second) {
            return (first == (byte) 0xFF && second == (byte) 0xFE) || (first == (byte) 0xFE && second == (byte) 0xFF);
        }
    }

    private static final class DecodingReader extends Reader {

        private final InputStream in;
        private final Position position = new Position();
        private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
        // Decoded into a buffer of our own: a caller asking for one char may be owed half of a surrogate pair.
        private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
        private boolean endOfInput;
        private boolean done;

        DecodingReader(InputStream in) {
            this.in = Objects.requireNonNull(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (length == 0) {
                return 0;
            }
            if (!chars.hasRemaining() && !refill()) {
                return -1;
            }
            int n = Math.min(length, chars.remaining());
            chars.get(buffer, offset, n);
            return n;
        }

        private boolean refill() throws IOException {
            chars.clear();
            try {
                while (chars.position() == 0 && !done) {
                    position.decode(bytes, chars, endOfInput);
                    if (chars.position() > 0) {
                        break;
                    }
                    if (endOfInput) {
                        position.flush(chars);
                        done = true;
                    } else {
                        readMore();
                    }
                }
            } finally {
                chars.flip();
            }
            return chars.hasRemaining();
        }

        private void readMore() throws IOException {
            bytes.compact();
            try {
                int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
            } finally {
                bytes.flip();
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class CheckedStream extends InputStream {

        private final InputStream in;
        private final Position position = new Position();
        // The bytes not yet decoded: at most the start of a character cut off at the end of a read.
        private final ByteBuffer pending = ByteBuffer.allocate(BUFFER);
        private final CharBuffer scratch = CharBuffer.allocate(BUFFER);
        private boolean finished;

        CheckedStream(InputStream in) {
            this.in = Objects.requireNonNull(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            do {
                n = read(one, 0, 1);
            } while (n == 0);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                finish();
            } else {
                check(buffer, offset, n);
            }
            return n;
        }

        private void check(byte[] buffer, int offset, int length) {
            int done = 0;
            while (done < length) {
                int n = Math.min(length - done, pending.remaining());
                pending.put(buffer, offset + done, n);
                done += n;
                decodePending(false);
            }
        }

        private void finish() {
            if (!finished) {
                finished = true;
                decodePending(true);
                scratch.clear();
                position.flush(scratch);
            }
        }

        private void decodePending(boolean endOfInput) {
            pending.flip();
            do {
                scratch.clear();
                position.decode(pending, scratch, endOfInput);
            } while (!scratch.hasRemaining());
            pending.compact();
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
