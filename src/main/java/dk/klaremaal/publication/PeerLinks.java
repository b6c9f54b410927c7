package dk.klaremaal.publication;

import dk.klaremaal.catalogue.ComparisonGroup;
import dk.klaremaal.catalogue.ComparisonGroupService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The organisation page's links to "compared with similar municipalities": for each of its goals that
 * has an indicator key, the comparison limited to each comparison group the organisation belongs to.
 * Used from the templates as {@code @peerLinks}.
 */
@Component("peerLinks")
public class PeerLinks {

    public record Link(String key, String title, ComparisonGroup group) {
    }

    private final GoalService goals;
    private final ComparisonGroupService groups;
    private final ComparisonService comparisons;

    PeerLinks(GoalService goals, ComparisonGroupService groups, ComparisonService comparisons) {
        this.goals = goals;
        this.groups = groups;
        this.comparisons = comparisons;
    }

    public List<Link> of(Organisation organisation) {
        List<ComparisonGroup> mine = groups.groupsOf(organisation.slug());
        if (mine.isEmpty()) {
            return List.of();
        }
        var titles = comparisons.titles();
        return goals.goalsOf(organisation).stream().map(Goal::indicatorKey).filter(Objects::nonNull).distinct().sorted()
                .flatMap(key -> {
                    String title = titles.get(key);
                    return mine.stream().map(g -> new Link(key, title, g));
                })
                .toList();
    }
}
