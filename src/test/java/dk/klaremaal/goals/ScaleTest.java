package dk.klaremaal.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleTest {

    private static ScaleLevel level(Status status, Bound lower, Bound upper) {
        return new ScaleLevel(status, lower, upper);
    }

    private static Status assess(Scale scale, String value) {
        return scale.assess(new BigDecimal(value)).map(ScaleLevel::status).orElse(null);
    }

    @Test
    void s13AsWrittenHasAGapAbove97AndAnOverlapAt95() {
        Scale asWritten = new Scale(ScaleKind.TRAFFIC_LIGHT, Direction.HIGHER_IS_BETTER, List.of(
                level(Status.SATISFACTORY, Bound.inclusive("95"), Bound.inclusive("97")),
                level(Status.ON_THE_WAY, Bound.inclusive("90"), Bound.inclusive("95")),
                level(Status.UNSATISFACTORY, null, Bound.exclusive("90"))));
        List<String> problems = asWritten.problems(Scale.Domain.PERCENT).stream().map(ScaleProblem::english).toList();
        assertThat(problems).containsExactlyInAnyOrder(
                "overlap {95}: the value 95 is in both 'På vej' and 'Tilfredsstillende'",
                "gap ]97; 100]: values above 97 up to and including 100 are not assessed by any level");
    }

    @Test
    void s13CorrectedIsAccepted() {
        Scale corrected = new Scale(ScaleKind.TRAFFIC_LIGHT, Direction.HIGHER_IS_BETTER, List.of(
                level(Status.SATISFACTORY, Bound.inclusive("95"), Bound.inclusive("100")),
                level(Status.ON_THE_WAY, Bound.inclusive("90"), Bound.exclusive("95")),
                level(Status.UNSATISFACTORY, Bound.inclusive("0"), Bound.exclusive("90"))));
        assertThat(corrected.problems(Scale.Domain.PERCENT)).isEmpty();
        assertThat(assess(corrected, "95")).isEqualTo(Status.SATISFACTORY);
        assertThat(assess(corrected, "94.99")).isEqualTo(Status.ON_THE_WAY);
        assertThat(assess(corrected, "90")).isEqualTo(Status.ON_THE_WAY);
        assertThat(assess(corrected, "89.999")).isEqualTo(Status.UNSATISFACTORY);
    }

    @Test
    void s24WholeNumberRangesLeaveGapsBetweenThem() {
        Scale asWritten = new Scale(ScaleKind.TRAFFIC_LIGHT, Direction.HIGHER_IS_BETTER, List.of(
                level(Status.SATISFACTORY, Bound.inclusive("95"), Bound.inclusive("100")),
                level(Status.ON_THE_WAY, Bound.inclusive("91"), Bound.inclusive("94")),
                level(Status.UNSATISFACTORY, Bound.inclusive("0"), Bound.inclusive("90"))));
        assertThat(asWritten.problems(Scale.Domain.PERCENT)).extracting(ScaleProblem::english).containsExactly(
                "gap ]90; 91[: values above 90 up to but not including 91 are not assessed by any level",
                "gap ]94; 95[: values above 94 up to but not including 95 are not assessed by any level");
    }

    @Test
    void lowerIsBetterBoundariesAsDeclared() {
        // S11: satisfactory below 1.50 %, on the way 1.50–1.75 %, unsatisfactory above 1.75 %.
        Scale s11 = new Scale(ScaleKind.TRAFFIC_LIGHT, Direction.LOWER_IS_BETTER, List.of(
                level(Status.SATISFACTORY, Bound.inclusive("0"), Bound.exclusive("1.50")),
                level(Status.ON_THE_WAY, Bound.inclusive("1.50"), Bound.inclusive("1.75")),
                level(Status.UNSATISFACTORY, Bound.exclusive("1.75"), Bound.inclusive("100"))));
        assertThat(s11.problems(Scale.Domain.PERCENT)).isEmpty();
        assertThat(assess(s11, "1.49")).isEqualTo(Status.SATISFACTORY);
        assertThat(assess(s11, "1.50")).isEqualTo(Status.ON_THE_WAY);
        assertThat(assess(s11, "1.75")).isEqualTo(Status.ON_THE_WAY);
        assertThat(assess(s11, "1.7501")).isEqualTo(Status.UNSATISFACTORY);
    }

    @Test
    void exactlySixWeeksIsSatisfactoryForS6() {
        Scale s6 = new Scale(ScaleKind.TRAFFIC_LIGHT, Direction.LOWER_IS_BETTER, List.of(
                level(Status.SATISFACTORY, Bound.inclusive("0"), Bound.inclusive("6")),
                level(Status.ON_THE_WAY, Bound.exclusive("6"), Bound.inclusive("8")),
                level(Status.UNSATISFACTORY, Bound.exclusive("8"), null)));
        assertThat(s6.problems(Scale.Domain.NON_NEGATIVE)).isEmpty();
        assertThat(assess(s6, "6")).isEqualTo(Status.SATISFACTORY);
        assertThat(assess(s6, "6.0001")).isEqualTo(Status.ON_THE_WAY);
        assertThat(assess(s6, "8")).isEqualTo(Status.ON_THE_WAY);
        assertThat(assess(s6, "8.01")).isEqualTo(Status.UNSATISFACTORY);
    }

    @Test
    void exactly80PercentIsSatisfactoryForS2() {
        Scale s2 = new Scale(ScaleKind.TRAFFIC_LIGHT, Direction.HIGHER_IS_BETTER, List.of(
                level(Status.SATISFACTORY, Bound.inclusive("80"), null),
                level(Status.ON_THE_WAY, Bound.inclusive("75"), Bound.exclusive("80")),
                level(Status.UNSATISFACTORY, null, Bound.exclusive("75"))));
        assertThat(s2.problems(Scale.Domain.PERCENT)).isEmpty();
        assertThat(assess(s2, "80")).isEqualTo(Status.SATISFACTORY);
        assertThat(assess(s2, "79.99")).isEqualTo(Status.ON_THE_WAY);
        assertThat(assess(s2, "75")).isEqualTo(Status.ON_THE_WAY);
        assertThat(assess(s2, "74.9")).isEqualTo(Status.UNSATISFACTORY);
    }

    @Test
    void binaryScalesFromAComparatorCoverEverything() {
        Scale atMost15 = Scale.binary("<=", new BigDecimal("15"), Scale.Domain.NON_NEGATIVE);
        assertThat(atMost15.problems(Scale.Domain.NON_NEGATIVE)).isEmpty();
        assertThat(assess(atMost15, "15")).isEqualTo(Status.MET);
        assertThat(assess(atMost15, "15.01")).isEqualTo(Status.NOT_MET);
        Scale all = Scale.binary(">=", new BigDecimal("100"), Scale.Domain.PERCENT);
        assertThat(all.problems(Scale.Domain.PERCENT)).isEmpty();
        assertThat(assess(all, "100")).isEqualTo(Status.MET);
        assertThat(assess(all, "99.9")).isEqualTo(Status.NOT_MET);
    }

    @Test
    void missingStatusesForeignStatusesAndEmptyLevelsAreReported() {
        Scale broken = new Scale(ScaleKind.TRAFFIC_LIGHT, Direction.HIGHER_IS_BETTER, List.of(
                level(Status.SATISFACTORY, Bound.inclusive("50"), null),
                level(Status.MET, null, Bound.exclusive("50")),
                level(Status.UNSATISFACTORY, Bound.inclusive("200"), null)));
        assertThat(broken.problems(Scale.Domain.PERCENT)).extracting(ScaleProblem::english).contains(
                "status met does not belong to a traffic_light scale",
                "no level has the status on_the_way",
                "level 'Utilfredsstillende' covers no possible value");
    }
}
