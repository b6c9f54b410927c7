package dk.klaremaal.communication;

import dk.klaremaal.goals.Goal;
import dk.klaremaal.platform.Markup;

/** The iframe snippet an institution pastes into its own page to show a goal. */
public final class EmbedSnippet {

    public static final int WIDTH = 480;
    public static final int HEIGHT = 200;

    private EmbedSnippet() {
    }

    public static String of(String base, Goal goal, int width, int height) {
        // The address comes from the request (Host, X-Forwarded-*): it is escaped like the sentence.
        return "<iframe src=\"" + Markup.escape(base + "/indlejret/maal/" + goal.id()) + "\" title=\"" + Markup.escape(goal.sentence())
                + "\" width=\"" + width + "\" height=\"" + height + "\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>";
    }

    public static String of(String base, Goal goal) {
        return of(base, goal, WIDTH, HEIGHT);
    }
}
