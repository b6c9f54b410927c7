package dk.klaremaal.plans;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The plan editor's form as a {@link PlanService.VersionInput}. The form offers empty rows for one more
 * bearing and goal and a few more milestones per goal; the empty ones are dropped, text is trimmed, and a
 * milestone given without a key gets the goal's code and the next free number (B6, B7, …).
 */
public final class PlanForm {

    static final int EXTRA_BEARINGS = 2;
    static final int EXTRA_GOALS = 1;
    static final int EXTRA_MILESTONES = 3;

    private PlanForm() {
    }

    static PlanService.VersionInput clean(PlanService.VersionInput in) {
        PlanContent c = in.content() == null ? new PlanContent(null, null, null, null, null, null) : in.content();
        List<PlanContent.Bearing> bearings = new ArrayList<>();
        for (PlanContent.Bearing b : c.bearings()) {
            if (b != null && (text(b.code()) != null || text(b.title()) != null || text(b.description()) != null)) {
                bearings.add(new PlanContent.Bearing(text(b.code()), text(b.title()), text(b.description())));
            }
        }
        Set<String> keys = new HashSet<>();
        c.goals().stream().filter(g -> g != null).flatMap(g -> g.milestones().stream()).filter(m -> m != null && text(m.key()) != null)
                .forEach(m -> keys.add(text(m.key())));
        List<PlanContent.PlanGoal> goals = new ArrayList<>();
        for (PlanContent.PlanGoal g : c.goals()) {
            if (g == null) {
                continue;
            }
            List<PlanContent.Milestone> milestones = new ArrayList<>();
            for (PlanContent.Milestone m : g.milestones()) {
                if (m == null || text(m.key()) == null && text(m.text()) == null && m.target() == null && text(m.unit()) == null) {
                    continue;
                }
                String key = text(m.key());
                if (key == null && text(g.code()) != null) {
                    int n = 1;
                    while (keys.contains(text(g.code()) + n)) {
                        n++;
                    }
                    key = text(g.code()) + n;
                    keys.add(key);
                }
                milestones.add(new PlanContent.Milestone(key, m.quarter(), text(m.text()), m.target(), text(m.unit()), m.lowerIsBetter()));
            }
            List<String> kpis = g.kpis().stream().map(PlanForm::text).filter(k -> k != null).distinct().toList();
            if (text(g.code()) == null && text(g.title()) == null && text(g.description()) == null && milestones.isEmpty() && kpis.isEmpty()) {
                continue;
            }
            goals.add(new PlanContent.PlanGoal(text(g.code()), text(g.bearing()), text(g.title()), text(g.description()), milestones, kpis));
        }
        PlanContent content = new PlanContent(text(c.title()), text(c.mission()), text(c.vision()), bearings, goals, c.rule());
        return new PlanService.VersionInput(text(in.validFrom()), text(in.reason()), content);
    }

    /** The content with empty rows to fill in. */
    static PlanContent padded(PlanContent c) {
        List<PlanContent.Bearing> bearings = new ArrayList<>(c.bearings());
        for (int i = 0; i < EXTRA_BEARINGS; i++) {
            bearings.add(new PlanContent.Bearing(null, null, null));
        }
        List<PlanContent.PlanGoal> goals = new ArrayList<>();
        for (PlanContent.PlanGoal g : c.goals()) {
            goals.add(withEmptyMilestones(g));
        }
        for (int i = 0; i < EXTRA_GOALS; i++) {
            goals.add(withEmptyMilestones(new PlanContent.PlanGoal(null, null, null, null, List.of(), List.of())));
        }
        return new PlanContent(c.title(), c.mission(), c.vision(), bearings, goals, c.ruleOrDefault());
    }

    private static PlanContent.PlanGoal withEmptyMilestones(PlanContent.PlanGoal g) {
        List<PlanContent.Milestone> milestones = new ArrayList<>(g.milestones());
        for (int i = 0; i < EXTRA_MILESTONES; i++) {
            milestones.add(new PlanContent.Milestone(null, null, null, null, null, false));
        }
        return new PlanContent.PlanGoal(g.code(), g.bearing(), g.title(), g.description(), milestones, g.kpis());
    }

    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[(\\d+)]");

    /** The editor's element for a problem's field: content.goals[0].milestones[1].key → content-goals-0-milestones-1-key. */
    public static String id(String field) {
        return INDEX.matcher(field).replaceAll("-$1").replace('.', '-');
    }

    /** A problem's field in words: content.goals[0].milestones[1].key → "Mål nr. 1, milepæl nr. 2: nøgle". */
    public static String label(String field) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)(?:\\[(\\d+)])?").matcher(field);
        while (m.find()) {
            String name = m.group(1);
            String index = m.group(2);
            String word = switch (name) {
                case "content" -> null;
                case "goals" -> "mål";
                case "bearings" -> "pejlemærke";
                case "milestones" -> "milepæl";
                case "kpis" -> "nøgletal";
                case "code", "key" -> "kode";
                case "title" -> "titel";
                case "text" -> "tekst";
                case "mission" -> "mission";
                case "vision" -> "vision";
                case "description" -> "beskrivelse";
                case "bearing" -> "pejlemærke";
                case "quarter" -> "kvartal";
                case "target" -> "målværdi";
                case "unit" -> "enhed";
                case "rule" -> "vurderingsregel";
                case "partlyFromPercent" -> "delvist opfyldt fra";
                case "validFrom" -> "gælder fra";
                case "reason" -> "årsag";
                default -> name;
            };
            if (word == null) {
                continue;
            }
            out.append(out.isEmpty() ? "" : index == null ? ": " : ", ").append(word);
            if (index != null) {
                out.append(" nr. ").append(Integer.parseInt(index) + 1);
            }
        }
        String label = out.isEmpty() ? "planen" : out.toString();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
