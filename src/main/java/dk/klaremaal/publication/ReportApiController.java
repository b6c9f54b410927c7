package dk.klaremaal.publication;

import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The institution's comments on its results, shown in the follow-up reports. */
@RestController
class ReportApiController {

    private final ReportService reports;

    ReportApiController(ReportService reports) {
        this.reports = reports;
    }

    @PutMapping("/api/v1/goals/{id}/comments/{period}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void comment(@PathVariable long id, @PathVariable String period, @RequestBody ReportService.CommentInput input, Principal sender) {
        reports.comment(id, period, input, sender == null ? null : sender.getName());
    }
}
