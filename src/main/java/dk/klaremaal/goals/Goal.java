package dk.klaremaal.goals;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** A clear goal: the promise in plain language, how it is measured, its targets and how results are assessed. */
public record Goal(
        long id,
        long organisationId,
        Long caseTypeId,
        String code,
        String sentence,
        String dimension,
        Indicator indicator,
        PeriodKind periodKind,
        Scale scale,
        Map<Period, BigDecimal> targets) {

    public Goal {
        targets = Map.copyOf(targets);
    }

    public Optional<BigDecimal> target(Period period) {
        return Optional.ofNullable(targets.get(period));
    }

    public String dimensionDanish() {
        return switch (dimension) {
            case "faglig_kvalitet" -> "Faglig kvalitet";
            case "oplevet_kvalitet" -> "Oplevet kvalitet";
            case "tilgaengelighed" -> "Tilgængelighed";
            default -> dimension;
        };
    }
}
