package dk.klaremaal.measurement;

import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SurveyAggregateApiController {

    record Stored(List<Long> counts) {
    }

    private final SurveyAggregateService aggregates;

    SurveyAggregateApiController(SurveyAggregateService aggregates) {
        this.aggregates = aggregates;
    }

    @PostMapping("/api/v1/survey-aggregates")
    Stored report(@RequestBody SurveyAggregateService.AggregateInput input, Principal sender) {
        return new Stored(aggregates.report(input, sender == null ? null : sender.getName()));
    }
}
