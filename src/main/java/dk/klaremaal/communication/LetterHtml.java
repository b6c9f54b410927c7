package dk.klaremaal.communication;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a letter as well-formed XHTML (the PDF renderer parses it as XML), with its print styles inline. */
@Component
class LetterHtml {

    private final TemplateEngine templates;

    LetterHtml(TemplateEngine templates) {
        this.templates = templates;
    }

    String render(LetterService.Letter letter) {
        // The letter's own language, not the page's: its fixed words come from that language's message bundle.
        Context context = new Context(java.util.Locale.forLanguageTag(letter.language()));
        context.setVariable("letter", letter);
        return templates.process("letter", context);
    }
}
