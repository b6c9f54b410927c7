package dk.klaremaal.publication;

import dk.klaremaal.platform.PdfRenderer;
import java.security.Principal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Follow-up reports as a page and as PDF, and the API for the institution's comments. */
@Controller
class ReportController extends PageController {

    private final ReportService reports;
    private final TemplateEngine templates;
    private final PdfRenderer pdf;
    private final Presentation presentation;

    ReportController(ReportService reports, TemplateEngine templates, PdfRenderer pdf, Presentation presentation) {
        this.reports = reports;
        this.templates = templates;
        this.pdf = pdf;
        this.presentation = presentation;
    }

    @GetMapping("/rapporter/{slug}/{period:\\d{4}(?:-Q[1-4])?}")
    String page(@PathVariable String slug, @PathVariable String period, Model model) {
        model.addAttribute("report", reports.report(slug, period));
        model.addAttribute("forPdf", false);
        model.addAttribute("presentation", presentation);
        return "report";
    }

    @GetMapping("/rapporter/{slug}/{period:\\d{4}(?:-Q[1-4])?}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String slug, @PathVariable String period) {
        Context context = new Context(org.springframework.context.i18n.LocaleContextHolder.getLocale());
        context.setVariable("report", reports.report(slug, period));
        context.setVariable("forPdf", true);
        context.setVariable("presentation", presentation);
        context.setVariable("reportCss", pdf.printCss());
        byte[] body = pdf.render(templates.process("report", context));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("opfoelgning-" + slug + "-" + period + ".pdf")
                        .build().toString())
                .body(body);
    }
}
