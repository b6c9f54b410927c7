package dk.klaremaal.measurement;

import dk.klaremaal.platform.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
class SurveyAggregateApiController {

    /** An aggregate is one small object: a larger body is refused before it is read, whatever it holds. */
    static final int MAX_BODY = 64 * 1024;

    record Stored(List<Long> counts) {
    }

    private final SurveyAggregateService aggregates;
    private final JsonMapper json;

    SurveyAggregateApiController(SurveyAggregateService aggregates, JsonMapper json) {
        this.aggregates = aggregates;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/survey-aggregates", consumes = MediaType.APPLICATION_JSON_VALUE)
    Stored report(InputStream body, Principal sender) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new InvalidInputException("body", "is larger than " + MAX_BODY / 1024 + " KB; an aggregate is one object of a few numbers");
        }
        SurveyAggregateService.AggregateInput input;
        try {
            input = json.readValue(bytes, SurveyAggregateService.AggregateInput.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "is not an aggregate: " + e.getOriginalMessage());
        }
        if (input == null) {
            throw new InvalidInputException("body", "is empty; send one aggregate as a JSON object");
        }
        return new Stored(aggregates.report(input, sender == null ? null : sender.getName()));
    }
}
