package dk.klaremaal.communication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{slug}/case-types/{code}")
class ExpectedTimeApiController {

    record ExpectedView(String caseType, Integer days, String dayUnit, BigDecimal share, String basis, String source, Long cases,
                        LocalDate windowFrom, LocalDate windowTo, Long earlierCases, LocalDate earlierFrom, Long goal, BigDecimal goalTarget,
                        LocalDate statedOn, String explanation, LocalDate expectedDecisionIfReceivedOn) {
    }

    private final CatalogueService catalogue;
    private final ExpectedTimeService expected;
    private final ExpectedTimeText text;

    ExpectedTimeApiController(CatalogueService catalogue, ExpectedTimeService expected, ExpectedTimeText text) {
        this.catalogue = catalogue;
        this.expected = expected;
        this.text = text;
    }

    /** The expected time as of a day (default today): what a case received that day can expect, and where the figure comes from, in the reader's language. */
    @GetMapping("/expected-time")
    ExpectedView expected(@PathVariable String slug, @PathVariable String code, @RequestParam(required = false) String on) {
        CaseType caseType = catalogue.caseType(catalogue.organisation(slug), code);
        ExpectedTime e = on == null ? expected.expected(caseType) : expected.expected(caseType, day(on));
        return new ExpectedView(code, e.days(), e.dayUnit().code(), e.share(), e.basis().code(), text.source(e), text.shownCount(e, e.cases()), e.windowFrom(),
                e.windowTo(), text.shownCount(e, e.earlierCases()), e.earlierFrom(), e.goalId(), e.goalTarget(), e.statedOn(), text.explanation(e),
                expected.expectedDate(caseType, e, e.windowTo()));
    }

    @PutMapping("/expected-time-settings")
    ExpectedTimeService.Settings configure(@PathVariable String slug, @PathVariable String code,
                                           @RequestBody ExpectedTimeService.SettingsInput input) {
        return expected.configure(catalogue.caseType(catalogue.organisation(slug), code), input);
    }

    private static LocalDate day(String on) {
        try {
            return LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("on", "give a day such as 2025-05-20");
        }
    }
}
