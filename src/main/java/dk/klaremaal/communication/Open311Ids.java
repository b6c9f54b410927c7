package dk.klaremaal.communication;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The id of a service request is its case type's code, a colon and its case number written so that
 * it is safe in a path: ASCII letters, digits, {@code -}, {@code _} and {@code .} stand for
 * themselves, and every other character is {@code ~} followed by its UTF-8 bytes as two upper-case
 * hex digits each ({@code 24/12345} is {@code 24~2F12345}, {@code S-7,2} is {@code S-7~2C2}). A case
 * number of only those characters is its own id, so such ids never change. The id never holds a
 * comma, so a list of ids can be comma-separated.
 */
final class Open311Ids {

    private static final char ESCAPE = '~';
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Open311Ids() {
    }

    static String id(String caseTypeCode, String caseNumber) {
        return caseTypeCode + ":" + encode(caseNumber);
    }

    static String encode(String caseNumber) {
        StringBuilder out = new StringBuilder(caseNumber.length());
        for (byte b : caseNumber.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (plain(c)) {
                out.append(c);
            } else {
                out.append(ESCAPE).append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * The case number a case-number part of an id stands for: decoded when it is written exactly as
     * {@link #encode} writes it, otherwise taken as the case number as written ({@code 24/12345} as
     * sent in a query).
     */
    static String caseNumber(String written) {
        String decoded = decode(written);
        return decoded != null && encode(decoded).equals(written) ? decoded : written;
    }

    /** The {@code code:case number} an id or a case number as written stands for. */
    static String caseKey(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? id : id.substring(0, colon + 1) + caseNumber(id.substring(colon + 1));
    }

    private static boolean plain(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
    }

    private static String decode(String written) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == ESCAPE) {
                if (i + 2 >= written.length()) {
                    return null;
                }
                int high = Character.digit(written.charAt(i + 1), 16);
                int low = Character.digit(written.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (plain(c)) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        byte[] b = bytes.toByteArray();
        String s = new String(b, StandardCharsets.UTF_8);
        return java.util.Arrays.equals(s.getBytes(StandardCharsets.UTF_8), b) ? s : null;
    }
}
