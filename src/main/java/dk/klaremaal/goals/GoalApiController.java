package dk.klaremaal.goals;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GoalApiController {

    record Created(long id) {
    }

    private final GoalService goals;

    GoalApiController(GoalService goals) {
        this.goals = goals;
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

    @PostMapping("/api/v1/goals")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody GoalInput input) {
        return new Created(goals.create(input).id());
    }
}
