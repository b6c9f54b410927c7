package dk.klaremaal.plans;

import dk.klaremaal.platform.PdfRenderer;
import dk.klaremaal.publication.PageController;
import dk.klaremaal.publication.Presentation;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The public pages of performance plans: the list, a plan with its assessment and history, and the quarterly annexes as page and PDF. */
@Controller
class PlanController extends PageController {

    private final PlanService plans;
    private final TemplateEngine templates;
    private final PdfRenderer pdf;
    private final Presentation presentation;

    PlanController(PlanService plans, TemplateEngine templates, PdfRenderer pdf, Presentation presentation) {
        this.plans = plans;
        this.presentation = presentation;
        this.templates = templates;
        this.pdf = pdf;
    }

    @GetMapping("/planer")
    String list(Model model) {
        model.addAttribute("plans", plans.plans());
        return "plans";
    }

    @GetMapping("/planer/{slug}/{year:\\d{4}}")
    String plan(@PathVariable String slug, @PathVariable int year, @RequestParam(required = false) Integer version, Model model) {
        model.addAttribute("view", plans.view(slug, year, version));
        return "plan";
    }

    @GetMapping("/planer/{slug}/{year:\\d{4}}/kvartal/{quarter:\\d}")
    String annex(@PathVariable String slug, @PathVariable int year, @PathVariable int quarter, Model model) {
        model.addAttribute("annex", plans.annex(slug, year, quarter));
        model.addAttribute("forPdf", false);
        model.addAttribute("presentation", presentation);
        return "plan-annex";
    }

    @GetMapping("/planer/{slug}/{year:\\d{4}}/kvartal/{quarter:\\d}.pdf")
    ResponseEntity<byte[]> annexPdf(@PathVariable String slug, @PathVariable int year, @PathVariable int quarter) {
        Context context = new Context(LocaleContextHolder.getLocale());
        context.setVariable("annex", plans.annex(slug, year, quarter));
        context.setVariable("forPdf", true);
        context.setVariable("presentation", presentation);
        context.setVariable("reportCss", pdf.printCss());
        byte[] body = pdf.render(templates.process("plan-annex", context));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("resultatplan-" + slug + "-" + year + "-kvartal-" + quarter + ".pdf").build().toString())
                .body(body);
    }
}
