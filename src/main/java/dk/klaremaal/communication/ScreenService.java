package dk.klaremaal.communication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.ResultService;
import dk.klaremaal.platform.NotFoundException;
import dk.klaremaal.publication.Presentation;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What a screen in a citizen service centre shows: per case type, the expected time and the goal's latest status. */
@Service
public class ScreenService {

    public record Row(String caseType, String name, String expected, String expectedNote, String goal, String statusSymbol,
                      String statusText, String statusClass, String latest) {
    }

    public record Screen(String organisation, String title, String updatedAt, List<Row> rows) {
    }

    private final CatalogueService catalogue;
    private final GoalService goals;
    private final ResultService results;
    private final ExpectedTimeService expectedTimes;
    private final Presentation presentation;
    private final Clock clock;

    ScreenService(CatalogueService catalogue, GoalService goals, ResultService results, ExpectedTimeService expectedTimes,
                  Presentation presentation, Clock clock) {
        this.catalogue = catalogue;
        this.goals = goals;
        this.results = results;
        this.expectedTimes = expectedTimes;
        this.presentation = presentation;
        this.clock = clock;
    }

    /** The organisation's case types, or only those of one service when {@code service} is given; an unknown organisation or service is not found. */
    public Screen screen(String slug, String service) {
        Organisation organisation = catalogue.organisation(slug);
        List<Goal> all = goals.goalsOf(organisation);
        List<CaseType> types = catalogue.caseTypes(organisation);
        if (service != null && !service.isBlank()) {
            types = types.stream().filter(t -> catalogue.serviceCode(t).map(service::equals).orElse(false)).toList();
            if (types.isEmpty()) {
                throw new NotFoundException(organisation.name() + " has no service '" + service + "'");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CaseType type : types) {
            ExpectedTime e = expectedTimes.expected(type);
            Optional<Goal> goal = all.stream().filter(g -> g.caseTypeId() != null && g.caseTypeId() == type.id()).findFirst();
            Optional<GoalResult> latest = goal.flatMap(results::latest);
            Presentation.StatusView status = goal.map(g -> presentation.current(g, latest.orElse(null)))
                    .orElse(Presentation.NOT_MEASURED);
            rows.add(new Row(type.code(), type.name(), e.danishDays(), screenNote(e), goal.map(Goal::sentence).orElse(null),
                    status.symbol(), status.text(), status.cssClass(),
                    latest.map(r -> r.period().danishLabel() + (r.provisional() ? " (foreløbig)" : "") + ": "
                            + presentation.value(r, goal.get())).orElse(null)));
        }
        String updated = LocalTime.now(clock.withZone(dk.klaremaal.platform.TimeConfiguration.ZONE))
                .format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        return new Screen(organisation.slug(), organisation.name(), updated, rows);
    }

    private static String screenNote(ExpectedTime e) {
        return switch (e.basis()) {
            case MEASURED -> e.share().stripTrailingZeros().toPlainString() + " pct. af sagerne de seneste "
                    + (e.windowTo().toEpochDay() - e.windowFrom().toEpochDay() + 1) + " dage";
            case GOAL -> "målet (for få nye sager til en beregning)";
            case NONE -> "ikke beregnet endnu";
        };
    }
}
