package dk.klaremaal.goals;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GoalApiController {

    record Created(long id) {
    }

    private final GoalService goals;
    private final dk.klaremaal.catalogue.CatalogueService catalogue;

    GoalApiController(GoalService goals, dk.klaremaal.catalogue.CatalogueService catalogue) {
        this.goals = goals;
        this.catalogue = catalogue;
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/goals/{id}/milestones/{position}")
    java.util.List<Goal.Milestone> milestone(@org.springframework.web.bind.annotation.PathVariable long id,
                                            @org.springframework.web.bind.annotation.PathVariable int position,
                                            @RequestBody GoalService.MilestoneProgress input, java.security.Principal sender) {
        return goals.markMilestone(id, position, input, sender == null ? null : sender.getName()).milestones();
    }

    /** Changes a goal: the answer is the new version's id; the old version stays, marked superseded. */
    @org.springframework.web.bind.annotation.PutMapping("/api/v1/goals/{id}")
    Created newVersion(@org.springframework.web.bind.annotation.PathVariable long id, @RequestBody GoalInput input) {
        return new Created(goals.newVersion(id, input).id());
    }

    record StateInput(String state) {
    }

    record StateView(long id, String state) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/goals/{id}/state")
    StateView state(@org.springframework.web.bind.annotation.PathVariable long id, @RequestBody StateInput input, java.security.Principal sender) {
        Goal goal = goals.changeState(id, input.state(), sender == null ? null : sender.getName());
        return new StateView(goal.id(), goal.state().code());
    }

    @org.springframework.web.bind.annotation.GetMapping("/api/v1/organisations/{slug}/unpublished-goals")
    java.util.List<StateView> unpublished(@org.springframework.web.bind.annotation.PathVariable String slug) {
        return goals.unpublished(catalogue.organisation(slug)).stream().map(g -> new StateView(g.id(), g.state().code())).toList();
    }

    @PostMapping("/api/v1/goals")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody GoalInput input) {
        return new Created(goals.create(input).id());
    }

    /** A change while another change of the goal awaits approval: 409, naming the pending version. */
    @ExceptionHandler(PendingVersionException.class)
    ProblemDetail pending(PendingVersionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("A new version awaits approval");
        problem.setType(URI.create("urn:klaremaal:problem:pending-version"));
        problem.setProperty("errors", e.problems());
        problem.setProperty("pendingVersion", e.pendingId());
        return problem;
    }
}
