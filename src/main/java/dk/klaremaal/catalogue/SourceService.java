package dk.klaremaal.catalogue;

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
        CatalogueService.checkText("name", input.name(), problems);
        if (input.code() != null && sources.findSurvey(organisation.id(), input.code()).isPresent()) {
            problems.add(new FieldProblem("code", "survey '" + input.code() + "' already exists in " + organisation.name()));
        }
        List<String> labels = input.labels() == null ? List.of() : input.labels();
        if (labels.size() < 2 || labels.size() > 11) {
            problems.add(new FieldProblem("labels", "name every answer from 1 upwards, 2 to 11 of them, e.g. "
                    + "[\"Meget utilfreds\", \"Utilfreds\", \"Hverken eller\", \"Tilfreds\", \"Meget tilfreds\"]"));
        }
        for (int i = 0; i < labels.size(); i++) {
            CatalogueService.checkText("labels[" + i + "]", labels.get(i), problems);
        }
        List<NewQuestion> questions = input.questions() == null ? List.of() : input.questions();
        if (questions.isEmpty()) {
            problems.add(new FieldProblem("questions", "a survey needs at least one question"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            NewQuestion q = questions.get(i);
            CatalogueService.checkSlug("questions[" + i + "].code", q.code(), problems);
            CatalogueService.checkText("questions[" + i + "].text", q.text(), problems);
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
        CatalogueService.checkText("name", input.name(), problems);
        if (input.code() != null && sources.findSystem(organisation.id(), input.code()).isPresent()) {
            problems.add(new FieldProblem("code", "system '" + input.code() + "' already exists in " + organisation.name()));
        }
        LocalDate from = null;
        try {
            from = LocalDate.parse(input.monitoredFrom() == null ? "" : input.monitoredFrom());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("monitoredFrom", "give the first day the system is followed, such as 2023-01-01"));
        }
        LocalDate to = null;
        if (input.monitoredTo() != null && !input.monitoredTo().isBlank()) {
            try {
                to = LocalDate.parse(input.monitoredTo());
                if (from != null && to.isBefore(from)) {
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

    @Transactional
    public Series createSeries(String organisationSlug, NewSeries input) {
        Organisation organisation = catalogue.organisation(organisationSlug);
        access.check(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER, organisation.id());
        List<FieldProblem> problems = new ArrayList<>();
        CatalogueService.checkSlug("code", input.code(), problems);
        CatalogueService.checkText("name", input.name(), problems);
        if (input.code() != null && sources.findSeries(organisation.id(), input.code()).isPresent()) {
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
