package dk.klaremaal.communication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.platform.RequestUrls;
import dk.klaremaal.platform.ApiLanguage;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LetterApiController {

    private final CatalogueService catalogue;
    private final LetterService letters;
    private final ExpectedTimeText text;
    private final MessageSource messages;

    LetterApiController(CatalogueService catalogue, LetterService letters, ExpectedTimeText text, MessageSource messages) {
        this.catalogue = catalogue;
        this.letters = letters;
        this.text = text;
        this.messages = messages;
    }

    @GetMapping("/api/v1/letter-placeholders")
    Map<String, String> placeholders() {
        return LetterTemplate.PLACEHOLDERS;
    }

    @GetMapping("/api/v1/organisations/{slug}/contact")
    LetterService.Contact contact(@PathVariable String slug) {
        return letters.contact(catalogue.organisation(slug));
    }

    @PutMapping("/api/v1/organisations/{slug}/contact")
    LetterService.Contact saveContact(@PathVariable String slug, @RequestBody LetterService.Contact contact) {
        return letters.saveContact(catalogue.organisation(slug), contact);
    }

    @GetMapping("/api/v1/organisations/{slug}/case-types/{code}/letter-templates")
    List<LetterTemplate> templates(@PathVariable String slug, @PathVariable String code) {
        return letters.templates(caseType(slug, code));
    }

    @PutMapping("/api/v1/organisations/{slug}/case-types/{code}/letter-templates/{language}")
    LetterTemplate save(@PathVariable String slug, @PathVariable String code, @PathVariable String language,
                        @RequestBody LetterService.TemplateInput input, Principal sender) {
        return letters.save(caseType(slug, code), language, input, sender == null ? null : sender.getName());
    }

    /** The letter a template being edited would give, with example case data: for the editor's live preview. */
    @PostMapping(path = "/api/v1/organisations/{slug}/case-types/{code}/letter-templates/{language}/preview", produces = MediaType.TEXT_HTML_VALUE)
    String preview(@PathVariable String slug, @PathVariable String code, @PathVariable String language,
                   @RequestBody LetterService.TemplateInput input) {
        Organisation organisation = catalogue.organisation(slug);
        return letters.html(letters.preview(organisation, catalogue.caseType(organisation, code), language, input, base()));
    }

    /** A case's receipt letter: HTML, or PDF when asked for with {@code Accept: application/pdf} or {@code ?format=pdf}. */
    @PostMapping("/api/v1/letters")
    ResponseEntity<byte[]> letter(@RequestBody LetterService.LetterRequest request, @RequestParam(required = false) String format,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LetterService.Letter letter = letters.letter(request, base());
        boolean pdf = "pdf".equals(format) || (format == null && accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE));
        if (pdf) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename("kvittering-" + request.caseNumber().trim().replaceAll("[^A-Za-z0-9-]", "_") + ".pdf").build().toString())
                    .body(letters.pdf(letter));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(letters.html(letter).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A letter that would promise no date is not made: 422 with the reason, wholly in the API's language
     * ({@link ApiLanguage}: English unless {@code Accept-Language} prefers Danish), dates written out, and
     * where the expected time stood ({@code basis}, always {@code none}, and the cases counted).
     */
    @ExceptionHandler(ExpectedTimeUnknownException.class)
    ResponseEntity<ProblemDetail> unknown(ExpectedTimeUnknownException e, HttpServletRequest request) {
        Locale locale = ApiLanguage.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("expected.letterRefused", new Object[]{e.caseType().name(), text.explanation(e.expected(), locale)}, locale));
        problem.setTitle(messages.getMessage("expected.letterRefused.title", null, locale));
        problem.setType(URI.create("urn:klaremaal:problem:expected-time-unknown"));
        problem.setProperty("caseType", e.caseType().code());
        problem.setProperty("basis", e.expected().basis().code());
        problem.setProperty("asOf", e.expected().windowTo());
        // Already said in the reader's language: a plain map, so the API's translation of field problems leaves it be.
        problem.setProperty("errors", List.of(Map.of("field", "caseType", "reason", messages.getMessage("expected.letterRefused.reason",
                new Object[]{e.caseType().code(), ExpectedTimeText.date(e.expected().windowTo(), locale)}, locale))));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage()).body(problem);
    }

    private CaseType caseType(String slug, String code) {
        return catalogue.caseType(catalogue.organisation(slug), code);
    }

    private static String base() {
        return RequestUrls.base();
    }
}
