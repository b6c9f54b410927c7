package dk.klaremaal.catalogue;

import dk.klaremaal.platform.FieldLimits;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;

/** Declares the sources an organisation's measurements come from: surveys, monitored systems and reported series. */
@org.springframework.stereotype.Service
public class SourceService {

    private final dk.klaremaal.access.AccessPolicy access;

    public record NewSurvey(String code, String name, List<String> labels, List<NewQuestion> questions) {
    }

    public record NewQuestion(String code, String text) {
    }

    public record NewSystem(String code, String name, String monitoredFrom, String monitoredTo) {
    }

    public record NewSeries(String code, String name, String unit, String aggregation) {
    }

    /** At most this many answer labels (a 0–10 scale has 11) and questions in a survey; a question's text at most this long. */
    static final int MAX_LABELS = 11;
    static final int MAX_QUESTIONS = 50;
    static final int QUESTION = 500;
    /** The days a monitored system can be followed from and to. */
    static final LocalDate FIRST_DAY = LocalDate.of(1990, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    private final CatalogueService catalogue;
    private final SourceRepository sources;

    public SourceService(CatalogueService catalogue, SourceRepository sources, dk.klaremaal.access.AccessPolicy access) {
        this.catalogue = catalogue;
        this.sources = sources;
        this.access = access;
    }

    public List<Survey> surveys(Organisation organisation) {
        return sources.findSurveys(organisation.id());
    }

    public List<MonitoredSystem> systems(Organisation organisation) {
        return sources.findSystems(organisation.id());
    }

    public List<Series> series(Organisation organisation) {
        return sources.findSeries(organisation.id());
    }

    @Transactional
    public Survey createSurvey(String organisationSlug, NewSurvey input) {
        Organisation organisation = catalogue.organisation(organisationSlug);
        access.check(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER, organisation.id());
        List<FieldProblem> problems = new ArrayList<>();
        CatalogueService.checkSlug("code", input.code(), problems);
        CatalogueService.checkName("name", input.name(), problems);
        if (codeValid(problems) && sources.findSurvey(organisation.id(), input.code()).isPresent()) {
            problems.add(new FieldProblem("code", "survey '" + input.code() + "' already exists in " + organisation.name()));
        }
        List<String> labels = input.labels() == null ? List.of() : input.labels();
        if (labels.size() < 2 || labels.size() > 11) {
            problems.add(new FieldProblem("labels", "name every answer from 1 upwards, 2 to 11 of them, e.g. "
                    + "[\"Meget utilfreds\", \"Utilfreds\", \"Hverken eller\", \"Tilfreds\", \"Meget tilfreds\"]"));
        }
        for (int i = 0; i < labels.size() && i < MAX_LABELS; i++) {
            FieldLimits.required(problems, "labels[" + i + "]", labels.get(i), FieldLimits.LABEL);
        }
        List<NewQuestion> questions = input.questions() == null ? List.of() : input.questions();
        if (questions.isEmpty()) {
            problems.add(new FieldProblem("questions", "a survey needs at least one question"));
        }
        if (!FieldLimits.count(problems, "questions", questions, MAX_QUESTIONS)) {
            questions = List.of();
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            NewQuestion q = questions.get(i);
            if (q == null) {
                problems.add(new FieldProblem("questions[" + i + "]", "is missing"));
                continue;
            }
            CatalogueService.checkSlug("questions[" + i + "].code", q.code(), problems);
            FieldLimits.required(problems, "questions[" + i + "].text", q.text(), QUESTION);
            if (q.code() != null && !codes.add(q.code())) {
                problems.add(new FieldProblem("questions[" + i + "].code", "question '" + q.code() + "' appears twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = sources.insertSurvey(organisation.id(), input.code(), input.name().trim(), labels.stream().map(String::trim).toList());
        questions.forEach(q -> sources.insertQuestion(id, q.code(), q.text().trim()));
        return sources.findSurvey(organisation.id(), input.code()).orElseThrow();
    }

    @Transactional
    public MonitoredSystem createSystem(String organisationSlug, NewSystem input) {
        Organisation organisation = catalogue.organisation(organisationSlug);
        access.check(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER, organisation.id());
        List<FieldProblem> problems = new ArrayList<>();
        CatalogueService.checkSlug("code", input.code(), problems);
        CatalogueService.checkName("name", input.name(), problems);
        if (codeValid(problems) && sources.findSystem(organisation.id(), input.code()).isPresent()) {
            problems.add(new FieldProblem("code", "system '" + input.code() + "' already exists in " + organisation.name()));
        }
        LocalDate from = null;
        try {
            from = LocalDate.parse(input.monitoredFrom() == null ? "" : input.monitoredFrom());
            if (!plausible(from)) {
                problems.add(FieldLimits.Rule.RANGE.problem("monitoredFrom", FIRST_DAY, LAST_DAY));
                from = null;
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("monitoredFrom", "give the first day the system is followed, such as 2023-01-01"));
        }
        LocalDate to = null;
        if (input.monitoredTo() != null && !input.monitoredTo().isBlank()) {
            try {
                to = LocalDate.parse(input.monitoredTo());
                if (!plausible(to)) {
                    problems.add(FieldLimits.Rule.RANGE.problem("monitoredTo", FIRST_DAY, LAST_DAY));
                } else if (from != null && to.isBefore(from)) {
                    problems.add(new FieldProblem("monitoredTo", "is before monitoredFrom"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("monitoredTo", "give the last day the system was followed, such as 2025-12-31, or leave it out"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = sources.insertSystem(organisation.id(), input.code(), input.name().trim(), from, to);
        return sources.findSystem(id).orElseThrow();
    }

    private static boolean plausible(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    /** Whether the code passed its checks, so it can be looked up. */
    private static boolean codeValid(List<FieldProblem> problems) {
        return problems.stream().noneMatch(p -> p.field().equals("code"));
    }

    @Transactional
    public Series createSeries(String organisationSlug, NewSeries input) {
        Organisation organisation = catalogue.organisation(organisationSlug);
        access.check(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER, organisation.id());
        List<FieldProblem> problems = new ArrayList<>();
        CatalogueService.checkSlug("code", input.code(), problems);
        CatalogueService.checkName("name", input.name(), problems);
        if (codeValid(problems) && sources.findSeries(organisation.id(), input.code()).isPresent()) {
            problems.add(new FieldProblem("code", "series '" + input.code() + "' already exists in " + organisation.name()));
        }
        Series.Unit unit = null;
        Series.Aggregation aggregation = null;
        try {
            unit = Series.Unit.fromCode(input.unit() == null ? "count" : input.unit());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("unit", e.getMessage()));
        }
        try {
            aggregation = Series.Aggregation.fromCode(input.aggregation() == null ? "sum" : input.aggregation());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("aggregation", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = sources.insertSeries(organisation.id(), input.code(), input.name().trim(), unit, aggregation);
        return sources.findSeriesById(id).orElseThrow();
    }
}
