package dk.klaremaal.platform;

/** An upload whose bytes are not UTF-8; names the line and the byte (both counted from the start of the upload). */
public class InvalidEncodingException extends InvalidInputException {

    private final long line;
    private final long byteOffset;

    public InvalidEncodingException(long line, long byteOffset, String reason) {
        super("encoding", reason);
        this.line = line;
        this.byteOffset = byteOffset;
    }

    /** The line the bad bytes are on, the first line being 1. */
    public long line() {
        return line;
    }

    /** Where the bad bytes start, the first byte being 0. */
    public long byteOffset() {
        return byteOffset;
    }
}
