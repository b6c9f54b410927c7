package dk.klaremaal.publication;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.ResultService;
import dk.klaremaal.publication.DataTable.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The public tables as open data, with stable column names: what the pages show, in full precision. */
@Component
public class OpenDataTables {

    static final List<Column> ORGANISATIONS = List.of(
            new Column("slug", "string", "the organisation's identifier in addresses and the API"),
            new Column("name", "string", "name"),
            new Column("kind", "string", "ministry, agency, municipality, region, administration or institution"),
            new Column("parent", "string", "slug of the parent organisation, empty for a top"),
            new Column("region", "string", "hovedstaden, sjaelland, syddanmark, midtjylland or nordjylland, where given"));

    static final List<Column> RESULTS = List.of(
            new Column("goal_id", "integer", "the goal"),
            new Column("period", "string", "period key: 2025, 2025-H1, 2025-Q3 or 2025-03"),
            new Column("period_start", "date", "first day of the period"),
            new Column("period_end", "date", "last day of the period"),
            new Column("provisional", "boolean", "true while the period has not ended"),
            new Column("value", "number", "the result in the goal's unit, full precision; empty without data"),
            new Column("unit", "string", "days, weeks, percent, seconds, count, score, number or hours"),
            new Column("secondary_value", "number", "compound goals: the second value, in percent"),
            new Column("observations", "integer", "cases, contacts, respondents, probes, reports or milestones behind the value"),
            new Column("target", "number", "the period's target"),
            new Column("percent_of_target", "number", "value ÷ target × 100"),
            new Column("status", "string", "met, not_met, partly_met, satisfactory, on_the_way or unsatisfactory; empty if not assessed"),
            new Column("status_label", "string", "the status as the institution words it"),
            new Column("year_to_date", "number", "for periods shorter than a year: the value from 1 January to the period's end"),
            new Column("open_at_period_end", "integer", "processing time: cases still open when the period ended"),
            new Column("assessment", "string", "assessed, not_measured, too_few (fewer observations than the goal is assessed on), "
                    + "no_target (no target for the period), baseline (the baseline period) or withheld (a sensitive case type's value "
                    + "resting on fewer than 5 cases: value and observations are empty)"),
            new Column("assessment_label", "string", "the assessment in words"));

    static final List<Column> GOALS = List.of(
            new Column("goal_id", "integer", "the goal"),
            new Column("code", "string", "the institution's code for the goal"),
            new Column("organisation", "string", "organisation slug"),
            new Column("sentence", "string", "the goal in plain language"),
            new Column("dimension", "string", "faglig_kvalitet, oplevet_kvalitet, tilgaengelighed or another"),
            new Column("indicator_kind", "string", "processing_time, contacts, satisfaction, availability, count, ratio, reported, milestones or service_goal"),
            new Column("statistic", "string", "the statistic computed"),
            new Column("unit", "string", "unit of the value"),
            new Column("indicator_key", "string", "shared key for comparison across organisations"),
            new Column("latest_period", "string", "the latest period with a result"),
            new Column("latest_value", "number", "its value, full precision"),
            new Column("latest_status", "string", "its status"),
            new Column("latest_assessment", "string", "assessed, too_few, no_target, baseline or withheld (see the results table)"),
            new Column("no_new_data_since", "date", "set when no newer period has been measured long after the latest one ended: its end"));

    static final List<Column> COMPARISON = List.of(
            new Column("organisation", "string", "organisation slug"),
            new Column("organisation_name", "string", "name"),
            new Column("region", "string", "region code"),
            new Column("goal_id", "integer", "the organisation's goal with this indicator key"),
            new Column("period", "string", "period key"),
            new Column("value", "number", "the goal's result for the period, full precision"),
            new Column("observations", "integer", "what the value rests on"),
            new Column("status", "string", "status code"),
            new Column("cases_p25", "number", "processing time: 25th percentile of the cases' times"),
            new Column("cases_median", "number", "processing time: median of the cases' times"),
            new Column("cases_p75", "number", "processing time: 75th percentile"),
            new Column("cases_p90", "number", "processing time: 90th percentile"),
            new Column("assessment", "string", "assessed, not_measured, too_few, no_target, baseline or withheld (see the results table)"),
            new Column("target", "number", "the organisation's own target for the period; empty without one"),
            new Column("distance_to_target", "number", "value minus target, in the goal's unit"),
            new Column("rank", "integer", "rank among the organisations in the table, 1 = best by the goal's direction; equal values share a rank"),
            new Column("provisional", "boolean", "true while the period has not ended"),
            new Column("comparison_group", "string", "the comparison group the table is limited to; empty for none"));

    static final List<Column> COMPARISON_GROUPS = List.of(
            new Column("group", "string", "the comparison group's identifier (?gruppe= on comparisons)"),
            new Column("group_name", "string", "the group's name"),
            new Column("group_name_en", "string", "the group's name in English, where given"),
            new Column("organisation", "string", "slug of a member organisation"),
            new Column("organisation_name", "string", "the member's name"));

    static final List<Column> REPORT = List.of(
            new Column("goal_id", "integer", "the goal"),
            new Column("code", "string", "the institution's code for the goal"),
            new Column("sentence", "string", "the goal in plain language"),
            new Column("report_period", "string", "the report's period: 2025 or 2025-Q3"),
            new Column("period", "string", "the goal's own period that stands for it"),
            new Column("year_to_date", "boolean", "true when the value is the year to date of a shorter period"),
            new Column("target", "number", "the target"),
            new Column("value", "number", "the result, full precision"),
            new Column("status", "string", "status code; empty if not assessed"),
            new Column("comment", "string", "the institution's comment"),
            new Column("comment_by", "string", "who wrote the comment"),
            new Column("assessment", "string", "assessed, not_measured, too_few, no_target, baseline or withheld (see the results table)"));

    private final CatalogueService catalogue;
    private final GoalService goals;
    private final ResultService results;
    private final ComparisonService comparisons;

    private final Presentation presentation;

    OpenDataTables(CatalogueService catalogue, GoalService goals, ResultService results, ComparisonService comparisons,
                   Presentation presentation) {
        this.presentation = presentation;
        this.catalogue = catalogue;
        this.goals = goals;
        this.results = results;
        this.comparisons = comparisons;
    }

    public DataTable organisations() {
        List<Organisation> all = catalogue.organisations();
        List<List<Object>> rows = new ArrayList<>();
        for (Organisation o : all) {
            String parent = o.parentId() == null ? null
                    : all.stream().filter(p -> p.id() == o.parentId()).map(Organisation::slug).findFirst().orElse(null);
            rows.add(Arrays.asList(o.slug(), o.name(), o.kind().code(), parent, o.region() == null ? null : o.region().code()));
        }
        return new DataTable("organisationer", "Organisationer", ORGANISATIONS, rows);
    }

    public DataTable results(long goalId) {
        Goal goal = goals.publicGoal(goalId);
        List<List<Object>> rows = new ArrayList<>();
        for (GoalResult r : results.results(goal)) {
            rows.add(Arrays.asList(goal.id(), r.period().key(), r.period().start().toString(), r.period().end().toString(), r.provisional(),
                    r.value(), goal.indicator().valueUnit().code(), r.secondaryValue(), r.observations(), r.target(), r.percentOfTarget(),
                    r.level() == null ? null : r.level().status().code(), r.level() == null ? null : r.level().danishLabel(), r.yearToDate(),
                    r.openAtPeriodEnd(), assessment(r), assessment(r) == null ? null : presentation.danish("status." + assessment(r))));
        }
        return new DataTable("resultater-" + goalId, "Resultater for mål " + goalId, RESULTS, rows);
    }

    /** Why a result has the status it has, as a code; null without a result. */
    static String assessment(GoalResult r) {
        return r == null || r.standing() == null ? null : r.standing().code();
    }

    public DataTable goals(String slug) {
        Organisation organisation = catalogue.organisation(slug);
        List<List<Object>> rows = new ArrayList<>();
        for (Goal g : goals.goalsOf(organisation)) {
            GoalResult latest = results.latest(g).orElse(null);
            rows.add(Arrays.asList(g.id(), g.code(), slug, g.sentence(), g.dimension(), g.indicator().kind().code(),
                    g.indicator().statistic().code(), g.indicator().valueUnit().code(), g.indicatorKey(),
                    latest == null ? null : latest.period().key(), latest == null ? null : latest.value(),
                    latest == null || latest.level() == null ? null : latest.level().status().code(), assessment(latest),
                    latest == null || latest.noNewDataSince() == null ? null : latest.noNewDataSince().toString()));
        }
        return new DataTable("maal-" + slug, "Mål for " + organisation.name(), GOALS, rows);
    }

    public DataTable report(ReportService.Report report) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReportService.Line line : report.lines()) {
            GoalResult r = line.result();
            rows.add(Arrays.asList(line.goal().id(), line.goal().code(), line.goal().sentence(), report.period().key(), line.shown().key(),
                    line.yearToDate(), r == null ? null : r.target(), r == null ? null : (line.yearToDate() ? r.yearToDate() : r.value()),
                    r == null || r.level() == null ? null : r.level().status().code(), line.comment(), line.commentBy(), assessment(r)));
        }
        return new DataTable("rapport-" + report.organisation().slug() + "-" + report.period().key(),
                "Opfølgning " + report.organisation().name() + " " + report.period().key(), REPORT, rows);
    }

    public DataTable comparison(String key, String period, ComparisonService.Filter filter) {
        ComparisonService.Comparison c = comparisons.compare(key, period, filter);
        List<List<Object>> rows = new ArrayList<>();
        for (ComparisonService.Row r : c.rows()) {
            rows.add(Arrays.asList(r.organisation().slug(), r.organisation().name(),
                    r.organisation().region() == null ? null : r.organisation().region().code(), r.goal().id(), c.period().key(), r.value(),
                    r.observations(), r.result() == null || r.result().level() == null ? null : r.result().level().status().code(),
                    r.cases() == null ? null : r.cases().p25(), r.cases() == null ? null : r.cases().median(),
                    r.cases() == null ? null : r.cases().p75(), r.cases() == null ? null : r.cases().p90(), assessment(r.result()),
                    r.target(), r.distance(), r.rank(), c.provisional(), c.group() == null ? null : c.group().slug()));
        }
        return new DataTable("sammenligning-" + key, "Sammenligning: " + key, COMPARISON, rows);
    }

    public DataTable comparisonGroups() {
        Map<String, String> names = catalogue.organisations().stream()
                .collect(java.util.stream.Collectors.toMap(Organisation::slug, Organisation::name));
        List<List<Object>> rows = new ArrayList<>();
        for (dk.klaremaal.catalogue.ComparisonGroup g : comparisons.groups()) {
            for (String member : g.members()) {
                rows.add(Arrays.asList(g.slug(), g.name(), g.nameEn(), member, names.get(member)));
            }
        }
        return new DataTable("sammenligningsgrupper", "Sammenligningsgrupper", COMPARISON_GROUPS, rows);
    }
}
