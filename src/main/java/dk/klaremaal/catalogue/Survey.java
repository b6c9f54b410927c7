package dk.klaremaal.catalogue;

import java.util.List;

/**
 * A survey an organisation runs. Answers are whole numbers from 1 to {@code labels.size()}, and
 * {@code labels.get(i - 1)} names answer i (1 = "Meget utilfreds" … 5 = "Meget tilfreds").
 */
public record Survey(long id, long organisationId, String code, String name, List<String> labels, List<Question> questions) {

    public Survey {
        labels = List.copyOf(labels);
        questions = List.copyOf(questions);
    }

    public record Question(long id, long surveyId, String code, String text) {
    }

    public int scaleMax() {
        return labels.size();
    }

    public String label(int score) {
        return labels.get(score - 1);
    }
}
