package dk.klaremaal.platform;

import org.springframework.web.util.HtmlUtils;

/** Text put into HTML or XML we write ourselves (charts, letters, Open311, embed snippets). */
public final class Markup {

    private Markup() {
    }

    /** Escapes the markup characters {@code < > & " '}; other characters stay as they are (the output is UTF-8). */
    public static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
