package dk.klaremaal.plans;

import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a plan's content must keep, and the changes between two versions in words. */
final class PlanContentCheck {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,19}");
    private static final int LONG_TEXT = 4000;

    private PlanContentCheck() {
    }

    /** Every problem of the content, each naming its field; {@code kpiCodes} are the codes of the organisation's goals. */
    static List<FieldProblem> problems(PlanContent c, Set<String> kpiCodes) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "content.title", c.title(), 200);
        text(problems, "content.mission", c.mission(), LONG_TEXT);
        text(problems, "content.vision", c.vision(), LONG_TEXT);
        if (c.bearings().isEmpty()) {
            problems.add(new FieldProblem("content.bearings", "a plan needs at least one strategic bearing"));
        }
        Set<String> bearings = new HashSet<>();
        for (int i = 0; i < c.bearings().size(); i++) {
            PlanContent.Bearing b = c.bearings().get(i);
            String f = "content.bearings[" + i + "]";
            code(problems, f + ".code", b.code(), bearings, "bearing");
            text(problems, f + ".title", b.title(), 300);
            if (b.description() != null && b.description().length() > LONG_TEXT) {
                problems.add(new FieldProblem(f + ".description", "must be at most " + LONG_TEXT + " characters"));
            }
        }
        if (c.goals().isEmpty()) {
            problems.add(new FieldProblem("content.goals", "a plan needs at least one goal"));
        }
        Set<String> goals = new HashSet<>();
        Set<String> milestones = new HashSet<>();
        for (int i = 0; i < c.goals().size(); i++) {
            PlanContent.PlanGoal g = c.goals().get(i);
            String f = "content.goals[" + i + "]";
            code(problems, f + ".code", g.code(), goals, "goal");
            if (g.bearing() == null || !bearings.contains(g.bearing())) {
                problems.add(new FieldProblem(f + ".bearing", "must be the code of one of the plan's bearings " + bearings));
            }
            text(problems, f + ".title", g.title(), 1000);
            if (g.description() != null && g.description().length() > LONG_TEXT) {
                problems.add(new FieldProblem(f + ".description", "must be at most " + LONG_TEXT + " characters"));
            }
            if (g.milestones().isEmpty() && g.kpis().isEmpty()) {
                problems.add(new FieldProblem(f, "a goal needs at least one milestone or KPI, or it cannot be assessed"));
            }
            for (int j = 0; j < g.milestones().size(); j++) {
                milestone(problems, f + ".milestones[" + j + "]", g.milestones().get(j), milestones);
            }
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < g.kpis().size(); j++) {
                String kpi = g.kpis().get(j);
                if (!kpiCodes.contains(kpi)) {
                    problems.add(new FieldProblem(f + ".kpis[" + j + "]", "'" + kpi + "' is not the code of a published goal of the organisation"));
                } else if (!seen.add(kpi)) {
                    problems.add(new FieldProblem(f + ".kpis[" + j + "]", "'" + kpi + "' is listed twice"));
                }
            }
        }
        if (c.rule() != null && (c.rule().partlyFromPercent() < 1 || c.rule().partlyFromPercent() > 99)) {
            problems.add(new FieldProblem("content.rule.partlyFromPercent", "must be a whole per cent from 1 to 99"));
        }
        return problems;
    }

    private static void milestone(List<FieldProblem> problems, String f, PlanContent.Milestone m, Set<String> keys) {
        code(problems, f + ".key", m.key(), keys, "milestone");
        if (m.quarter() == null || m.quarter() < 1 || m.quarter() > 4) {
            problems.add(new FieldProblem(f + ".quarter", "must be 1, 2, 3 or 4"));
        }
        text(problems, f + ".text", m.text(), 1000);
        if (m.target() != null && m.target().signum() < 0) {
            problems.add(new FieldProblem(f + ".target", "must not be negative"));
        }
        if (m.unit() != null && m.target() == null) {
            problems.add(new FieldProblem(f + ".unit", "a unit needs a target"));
        }
    }

    private static void code(List<FieldProblem> problems, String field, String code, Set<String> seen, String what) {
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(field, "must be a short code of letters, digits, '.', '_' or '-' (at most 20), such as 'B2'"));
        } else if (!seen.add(code)) {
            problems.add(new FieldProblem(field, "another " + what + " of the plan already has the code '" + code + "'"));
        }
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "must not be empty"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    /** What changed from one version to the next, in Danish, one line per change. */
    static List<String> changes(PlanContent before, PlanContent after) {
        List<String> out = new ArrayList<>();
        field(out, "Titlen", before.title(), after.title());
        field(out, "Missionen", before.mission(), after.mission());
        field(out, "Visionen", before.vision(), after.vision());
        if (before.ruleOrDefault().partlyFromPercent() != after.ruleOrDefault().partlyFromPercent()) {
            out.add("Vurderingsreglen er ændret: delvist opfyldt fra " + before.ruleOrDefault().partlyFromPercent() + " til "
                    + after.ruleOrDefault().partlyFromPercent() + " pct. nået");
        }
        for (PlanContent.Bearing b : after.bearings()) {
            before.bearing(b.code()).ifPresentOrElse(old -> {
                field(out, "Pejlemærke " + b.code() + ": titlen", old.title(), b.title());
                field(out, "Pejlemærke " + b.code() + ": beskrivelsen", old.description(), b.description());
            }, () -> out.add("Pejlemærke " + b.code() + " er tilføjet: " + b.title()));
        }
        before.bearings().stream().filter(b -> after.bearing(b.code()).isEmpty())
                .forEach(b -> out.add("Pejlemærke " + b.code() + " er udgået: " + b.title()));
        for (PlanContent.PlanGoal g : after.goals()) {
            before.goal(g.code()).ifPresentOrElse(old -> goal(out, old, g), () -> out.add("Mål " + g.code() + " er tilføjet: " + g.title()));
        }
        before.goals().stream().filter(g -> after.goal(g.code()).isEmpty()).forEach(g -> out.add("Mål " + g.code() + " er udgået: " + g.title()));
        return out;
    }

    private static void goal(List<String> out, PlanContent.PlanGoal old, PlanContent.PlanGoal now) {
        String name = "Mål " + now.code();
        field(out, name + ": titlen", old.title(), now.title());
        field(out, name + ": beskrivelsen", old.description(), now.description());
        if (!Objects.equals(old.bearing(), now.bearing())) {
            out.add(name + " hører nu under pejlemærke " + now.bearing() + " (før " + old.bearing() + ")");
        }
        if (!old.kpis().equals(now.kpis())) {
            out.add(name + ": nøgletallene er ændret fra " + list(old.kpis()) + " til " + list(now.kpis()));
        }
        for (PlanContent.Milestone m : now.milestones()) {
            old.milestones().stream().filter(o -> o.key().equals(m.key())).findFirst().ifPresentOrElse(o -> {
                String ms = "Milepæl " + m.key();
                if (!Objects.equals(o.quarter(), m.quarter())) {
                    out.add(ms + " er flyttet fra " + o.quarter() + ". til " + m.quarter() + ". kvartal");
                }
                field(out, ms + ": teksten", o.text(), m.text());
                if (!same(o.target(), m.target()) || !Objects.equals(o.unit(), m.unit()) || !o.lowerIsBetter().equals(m.lowerIsBetter())) {
                    out.add(ms + ": målet er ændret fra " + target(o) + " til " + target(m));
                }
            }, () -> out.add("Milepæl " + m.key() + " er tilføjet (" + m.quarter() + ". kvartal): " + m.text()));
        }
        old.milestones().stream().filter(o -> now.milestones().stream().noneMatch(m -> m.key().equals(o.key())))
                .forEach(o -> out.add("Milepæl " + o.key() + " er udgået: " + o.text()));
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String target(PlanContent.Milestone m) {
        return m.target() == null ? "intet mål" : m.target().stripTrailingZeros().toPlainString() + (m.unit() == null ? "" : " " + m.unit());
    }

    private static String list(List<String> codes) {
        return codes.isEmpty() ? "ingen" : String.join(", ", codes);
    }

    private static void field(List<String> out, String what, String before, String after) {
        if (!Objects.equals(blankToNull(before), blankToNull(after))) {
            out.add(what + " er ændret");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
