package dk.klaremaal.publication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.MonitoredSystem;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.Series;
import dk.klaremaal.catalogue.SourceRepository;
import dk.klaremaal.catalogue.Survey;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.Indicator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Where a goal's data comes from, named for readers: case type, channel, survey question, system or series. */
@Component
public class GoalSource {

    /** One source: what kind it is (in Danish), its code and its name. */
    public record Source(String role, String code, String name) {
    }

    private final CatalogueService catalogue;
    private final SourceRepository sources;

    GoalSource(CatalogueService catalogue, SourceRepository sources) {
        this.catalogue = catalogue;
        this.sources = sources;
    }

    public List<Source> of(Goal goal, Organisation organisation) {
        Indicator ind = goal.indicator();
        List<Source> list = new ArrayList<>();
        if (goal.caseTypeId() != null) {
            catalogue.caseTypes(organisation).stream().filter(t -> t.id() == goal.caseTypeId()).findFirst()
                    .ifPresent((CaseType t) -> list.add(new Source("Sagstype", t.code(), t.name())));
        }
        if (ind.channel() != null) {
            list.add(new Source("Kanal", ind.channel(), channelName(ind.channel())));
        }
        if (ind.surveyQuestionId() != null) {
            sources.findSurveyOfQuestion(ind.surveyQuestionId()).ifPresent((Survey s) -> {
                list.add(new Source("Undersøgelse", s.code(), s.name()));
                s.questions().stream().filter(q -> q.id() == ind.surveyQuestionId()).findFirst()
                        .ifPresent(q -> list.add(new Source("Spørgsmål", q.code(), q.text())));
                StringBuilder scale = new StringBuilder();
                for (int score = 1; score <= s.scaleMax(); score++) {
                    scale.append(score == 1 ? "" : ", ").append(score).append(" = ").append(s.label(score));
                }
                list.add(new Source("Svarskala", String.valueOf(s.scaleMax()), scale.toString()));
            });
        }
        if (ind.systemId() != null) {
            sources.findSystem(ind.systemId()).ifPresent((MonitoredSystem s) ->
                    list.add(new Source("Løsning", s.code(), s.name() + " (overvåget fra " + s.monitoredFrom()
                            + (s.monitoredTo() == null ? "" : " til " + s.monitoredTo()) + ")")));
        }
        if (ind.seriesId() != null) {
            sources.findSeriesById(ind.seriesId()).ifPresent((Series s) ->
                    list.add(new Source(ind.denominatorSeriesId() == null && goal.caseTypeId() == null ? "Indberetning" : "Tæller", s.code(), s.name())));
        }
        if (ind.denominatorSeriesId() != null) {
            sources.findSeriesById(ind.denominatorSeriesId()).ifPresent((Series s) -> list.add(new Source("Nævner", s.code(), s.name())));
        } else if (ind.kind() == dk.klaremaal.goals.IndicatorKind.RATIO && goal.caseTypeId() != null) {
            list.add(new Source("Nævner", "afgjorte-sager", "Afgjorte sager af sagstypen"));
        }
        return list;
    }

    static String channelName(String channel) {
        return switch (channel) {
            case "phone" -> "Telefon";
            case "email" -> "E-mail";
            case "letter" -> "Brev";
            case "duty-phone" -> "Vagttelefon";
            default -> channel;
        };
    }
}
