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
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/** What a screen in a citizen service centre shows: per case type, the expected time and the goal's latest status. */
@Service
public class ScreenService {

    /**
     * One case type: its expected time and where it comes from ({@code expectedBasis} as in the expected-time
     * API), and its goal's latest result with the target beside it; {@code provisional} when that result's
     * period has not ended.
     */
    public record Row(String caseType, String name, String expected, String expectedNote, String expectedBasis, String goal,
                      String statusSymbol, String statusText, String statusClass, String latest, String target, boolean provisional) {
    }

    public record Screen(String organisation, String title, String updatedAt, List<Row> rows) {
    }

    private final CatalogueService catalogue;
    private final GoalService goals;
    private final ResultService results;
    private final ExpectedTimeService expectedTimes;
    private final Presentation presentation;
    private final Clock clock;
    private final ExpectedTimeText text;
    private final MessageSource messages;
    private final dk.klaremaal.catalogue.ServiceGoalRepository serviceGoals;

    ScreenService(CatalogueService catalogue, GoalService goals, ResultService results, ExpectedTimeService expectedTimes,
                  Presentation presentation, Clock clock, ExpectedTimeText text, MessageSource messages,
                  dk.klaremaal.catalogue.ServiceGoalRepository serviceGoals) {
        this.serviceGoals = serviceGoals;
        this.text = text;
        this.messages = messages;
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
        java.util.Map<Long, Integer> withServiceGoal = serviceGoals.ofOrganisation(organisation.id());
        if (service != null && !service.isBlank()) {
            types = types.stream().filter(t -> catalogue.serviceCode(t).map(service::equals).orElse(false)).toList();
            if (types.isEmpty()) {
                throw new NotFoundException(organisation.name() + " has no service '" + service + "'");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CaseType type : types) {
            ExpectedTime e = expectedTimes.expected(type);
            Optional<Goal> goal = CaseTypeGoal.of(type, withServiceGoal.containsKey(type.id()), all);
            Optional<GoalResult> latest = goal.flatMap(results::latest);
            Presentation.StatusView status = goal.map(g -> presentation.current(g, latest.orElse(null)))
                    .orElseGet(() -> presentation.current(null, null));
            Locale locale = LocaleContextHolder.getLocale();
            rows.add(new Row(type.code(), type.name(), text.days(e, locale), text.source(e, locale), e.basis().code(),
                    goal.map(Goal::sentence).orElse(null), status.symbol(), status.text(), status.cssClass(),
                    latest.map(r -> messages.getMessage(r.provisional() ? "screen.latestProvisional" : "screen.latest",
                            new Object[]{r.period().label(), presentation.value(r, goal.get())}, locale)).orElse(null),
                    latest.filter(r -> r.target() != null).map(r -> messages.getMessage("screen.target",
                            new Object[]{presentation.target(r.target(), goal.get())}, locale)).orElse(null),
                    latest.map(GoalResult::provisional).orElse(false)));
        }
        String updated = LocalTime.now(clock.withZone(dk.klaremaal.platform.TimeConfiguration.ZONE))
                .format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        return new Screen(organisation.slug(), organisation.name(), updated, rows);
    }
}
