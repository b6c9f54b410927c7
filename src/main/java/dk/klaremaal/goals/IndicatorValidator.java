package dk.klaremaal.goals;

import dk.klaremaal.catalogue.MonitoredSystem;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.Series;
import dk.klaremaal.catalogue.SourceRepository;
import dk.klaremaal.catalogue.Survey;
import dk.klaremaal.goals.GoalInput.IndicatorInput;
import dk.klaremaal.goals.Indicator.DayUnit;
import dk.klaremaal.goals.Indicator.Statistic;
import dk.klaremaal.goals.Indicator.ValueUnit;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Checks an indicator as written against the rules of its kind and resolves the sources it names. */
@Component
class IndicatorValidator {

    private final SourceRepository sources;
    private final dk.klaremaal.catalogue.CatalogueRepository catalogue;
    private final dk.klaremaal.catalogue.ServiceGoalRepository serviceGoals;

    IndicatorValidator(SourceRepository sources, dk.klaremaal.catalogue.CatalogueRepository catalogue,
                       dk.klaremaal.catalogue.ServiceGoalRepository serviceGoals) {
        this.sources = sources;
        this.catalogue = catalogue;
        this.serviceGoals = serviceGoals;
    }

    Indicator indicator(IndicatorInput in, Organisation organisation, boolean caseTypeGiven, List<FieldProblem> problems) {
        if (in == null) {
            problems.add(new FieldProblem("indicator", "is missing"));
            return null;
        }
        IndicatorKind kind = GoalService.parse("indicator.kind", in.kind() == null ? "processing_time" : in.kind(),
                IndicatorKind::fromCode, problems);
        if (kind == null) {
            return null;
        }
        Statistic statistic = GoalService.parse("indicator.statistic", in.statistic() == null ? defaultStatistic(kind) : in.statistic(),
                Statistic::fromCode, problems);
        if (statistic == null) {
            return null;
        }
        int before = problems.size();
        if (!kind.statistics().contains(statistic)) {
            problems.add(new FieldProblem("indicator.statistic", "a " + kind.code() + " indicator offers "
                    + String.join(", ", kind.statistics().stream().map(Statistic::code).toList()) + ", not " + statistic.code()));
            return null;
        }
        DayUnit dayUnit = GoalService.parse("indicator.dayUnit", in.dayUnit() == null ? "calendar" : in.dayUnit(), DayUnit::fromCode, problems);
        ValueUnit valueUnit = GoalService.parse("indicator.valueUnit", in.valueUnit() == null ? defaultUnit(kind, statistic) : in.valueUnit(),
                ValueUnit::fromCode, problems);
        if (dayUnit == null || valueUnit == null) {
            return null;
        }
        allowUnits(valueUnit, units(kind, statistic), problems);
        BigDecimal percentile = null;
        if (statistic == Statistic.PERCENTILE) {
            percentile = in.percentile();
            if (percentile == null || percentile.signum() <= 0 || percentile.compareTo(new BigDecimal(100)) >= 0) {
                problems.add(new FieldProblem("indicator.percentile", "a percentile goal needs a percentile above 0 and below 100, e.g. 80"));
            }
        }
        Integer withinDays = null;
        Integer withinSeconds = null;
        if (kind == IndicatorKind.SERVICE_GOAL) {
            if (in.withinDays() != null) {
                problems.add(new FieldProblem("indicator.withinDays",
                        "a service-goal indicator judges each case against its own case type's service goal; leave withinDays out"));
            }
            if (dayUnit == DayUnit.WORKING) {
                problems.add(new FieldProblem("indicator.dayUnit", "service goals are counted in calendar days"));
            }
        } else if (statistic == Statistic.SHARE_WITHIN) {
            withinDays = in.withinDays();
            withinSeconds = kind == IndicatorKind.CONTACTS ? in.withinSeconds() : null;
            if ((withinDays == null) == (withinSeconds == null) && kind == IndicatorKind.CONTACTS) {
                problems.add(new FieldProblem("indicator.withinSeconds", "give either withinSeconds (calls) or withinDays (letters, e-mails)"));
            } else if (kind == IndicatorKind.PROCESSING_TIME && withinDays == null) {
                problems.add(new FieldProblem("indicator.withinDays", "a share-within goal needs the number of days, 0 or more"));
            } else if ((withinDays != null && withinDays < 0) || (withinSeconds != null && withinSeconds < 0)) {
                problems.add(new FieldProblem("indicator.withinDays", "must be 0 or more"));
            }
        }
        String channel = null;
        String outcome = null;
        Long questionId = null;
        Integer scoreLevel = null;
        Integer secondaryLevel = null;
        Long systemId = null;
        Long seriesId = null;
        Long denominatorId = null;
        Long serviceId = null;
        if (organisation != null) {
            switch (kind) {
                case PROCESSING_TIME -> {
                    if (!caseTypeGiven) {
                        problems.add(new FieldProblem("caseType", "a processing-time goal needs the code of the case type it measures"));
                    }
                }
                case CONTACTS -> {
                    channel = code("indicator.channel", in.channel(), "the channel, such as phone or email", problems);
                    if (statistic == Statistic.SHARE_OUTCOME) {
                        outcome = code("indicator.outcome", in.outcome(), "the outcome counted, such as active-service", problems);
                    }
                }
                case SATISFACTION -> {
                    Survey survey = in.survey() == null ? null : sources.findSurvey(organisation.id(), in.survey()).orElse(null);
                    if (survey == null) {
                        problems.add(new FieldProblem("indicator.survey", organisation.name() + " has no survey '" + in.survey() + "'"));
                    } else {
                        Survey.Question question = survey.questions().stream().filter(q -> q.code().equals(in.question())).findFirst().orElse(null);
                        if (question == null) {
                            problems.add(new FieldProblem("indicator.question", "survey " + survey.code() + " has no question '" + in.question() + "'"));
                        } else {
                            questionId = question.id();
                        }
                        if (statistic != Statistic.MEAN) {
                            scoreLevel = level("indicator.scoreLevel", in.scoreLevel(), 1, survey.scaleMax(), problems);
                        }
                        if (statistic == Statistic.COMPOUND) {
                            secondaryLevel = level("indicator.secondaryScoreLevel", in.secondaryScoreLevel(),
                                    scoreLevel == null ? 1 : scoreLevel + 1, survey.scaleMax(), problems);
                        }
                    }
                }
                case AVAILABILITY -> {
                    MonitoredSystem system = in.system() == null ? null : sources.findSystem(organisation.id(), in.system()).orElse(null);
                    if (system == null) {
                        problems.add(new FieldProblem("indicator.system", organisation.name() + " has no monitored system '" + in.system() + "'"));
                    } else {
                        systemId = system.id();
                    }
                }
                case COUNT, REPORTED, RATIO -> {
                    if (in.series() != null || kind != IndicatorKind.COUNT || !caseTypeGiven) {
                        seriesId = series("indicator.series", in.series(), organisation, problems);
                    }
                    if (kind == IndicatorKind.COUNT && in.series() != null && caseTypeGiven) {
                        problems.add(new FieldProblem("indicator.series", "count either a reported series or a case type's decided cases, not both"));
                    }
                    if (kind == IndicatorKind.RATIO) {
                        if (in.denominatorSeries() != null) {
                            denominatorId = series("indicator.denominatorSeries", in.denominatorSeries(), organisation, problems);
                        } else if (!caseTypeGiven) {
                            problems.add(new FieldProblem("indicator.denominatorSeries",
                                    "divide by a reported series, or give caseType to divide by its decided cases"));
                        }
                    }
                }
                case MILESTONES -> {
                    // the milestones themselves are checked with the goal
                }
                case SERVICE_GOAL -> {
                    if (caseTypeGiven) {
                        problems.add(new FieldProblem("caseType", "a service-goal indicator spans every case type of its service that has "
                                + "a service goal; name the service in indicator.service and leave caseType out"));
                    }
                    dk.klaremaal.catalogue.Service service = in.service() == null ? null
                            : catalogue.findService(organisation.id(), in.service()).orElse(null);
                    if (service == null) {
                        problems.add(new FieldProblem("indicator.service", in.service() == null
                                ? "a service-goal indicator needs the code of the service whose case types it measures, e.g. byggeri"
                                : organisation.name() + " has no service '" + in.service() + "'"));
                    } else if (serviceGoals.ofService(service.id()).isEmpty()) {
                        problems.add(new FieldProblem("indicator.service", "no case type of service '" + in.service()
                                + "' has a service goal yet; set one per case type first (PUT …/case-types/{code}/service-goal)"));
                    } else {
                        serviceId = service.id();
                    }
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        boolean days = kind == IndicatorKind.PROCESSING_TIME || kind == IndicatorKind.SERVICE_GOAL || (kind == IndicatorKind.CONTACTS && valueUnit != ValueUnit.SECONDS
                && withinSeconds == null && statistic != Statistic.SHARE_OUTCOME && statistic != Statistic.MISSED_COUNT);
        return new Indicator(kind, statistic, percentile, withinDays, withinSeconds, days ? dayUnit : DayUnit.CALENDAR, valueUnit,
                channel, outcome, questionId, scoreLevel, secondaryLevel, systemId, seriesId, denominatorId, serviceId);
    }

    private Long series(String field, String code, Organisation organisation, List<FieldProblem> problems) {
        Series series = code == null ? null : sources.findSeries(organisation.id(), code).orElse(null);
        if (series == null) {
            problems.add(new FieldProblem(field, organisation.name() + " has no reported series '" + code + "'"));
            return null;
        }
        return series.id();
    }

    private static String code(String field, String value, String what, List<FieldProblem> problems) {
        if (value == null || !value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add(new FieldProblem(field, "give " + what + " as a lower-case code"));
            return null;
        }
        return value;
    }

    private static Integer level(String field, Integer value, int min, int max, List<FieldProblem> problems) {
        if (value == null || value < min || value > max) {
            problems.add(new FieldProblem(field, "give an answer level from " + min + " to " + max));
            return null;
        }
        return value;
    }

    private static void allowUnits(ValueUnit unit, Set<ValueUnit> allowed, List<FieldProblem> problems) {
        if (!allowed.contains(unit)) {
            problems.add(new FieldProblem("indicator.valueUnit", "this statistic is given in "
                    + String.join(" or ", allowed.stream().map(ValueUnit::code).toList()) + ", not " + unit.code()));
        }
    }

    private static String defaultStatistic(IndicatorKind kind) {
        if (kind == IndicatorKind.SERVICE_GOAL) {
            return Statistic.SHARE_WITHIN.code();
        }
        return kind.statistics().size() == 1 ? kind.statistics().iterator().next().code() : null;
    }

    private static String defaultUnit(IndicatorKind kind, Statistic statistic) {
        if (statistic == Statistic.VALUE) {
            return ValueUnit.NUMBER.code();
        }
        return units(kind, statistic).iterator().next().code();
    }

    /** The units each statistic may be given in; the first is the default. */
    static Set<ValueUnit> units(IndicatorKind kind, Statistic statistic) {
        return switch (statistic) {
            case MEAN, MEDIAN, PERCENTILE -> switch (kind) {
                case SATISFACTION -> EnumSet.of(ValueUnit.SCORE);
                case CONTACTS -> EnumSet.of(ValueUnit.DAYS, ValueUnit.SECONDS, ValueUnit.WEEKS);
                default -> EnumSet.of(ValueUnit.DAYS, ValueUnit.WEEKS);
            };
            case MISSED_COUNT -> EnumSet.of(ValueUnit.COUNT);
            case SUM -> EnumSet.of(ValueUnit.COUNT, ValueUnit.NUMBER, ValueUnit.HOURS);
            case VALUE -> EnumSet.of(ValueUnit.NUMBER, ValueUnit.SCORE, ValueUnit.COUNT, ValueUnit.PERCENT, ValueUnit.DAYS, ValueUnit.HOURS);
            default -> EnumSet.of(ValueUnit.PERCENT);
        };
    }
}
