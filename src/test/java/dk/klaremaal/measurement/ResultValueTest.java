package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.Indicator.DayUnit;
import dk.klaremaal.goals.Indicator.Statistic;
import dk.klaremaal.goals.Indicator.ValueUnit;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ResultValueTest {

    private static final CaseStatisticsRepository.Aggregate AGG = new CaseStatisticsRepository.Aggregate(5, new BigDecimal("42"), new BigDecimal("5.2"), 4,
            new BigDecimal("210"));

    @Test
    void meanOf42DaysIsExactlySixWeeks() {
        BigDecimal weeks = CaseStatisticsRepository.value(Indicator.processingTime(Statistic.MEAN, null, null, DayUnit.CALENDAR, ValueUnit.WEEKS), AGG);
        assertThat(weeks).isEqualByComparingTo("6");
    }

    @Test
    void shareWithinIsCasesWithinOverDecidedCasesInPercent() {
        BigDecimal share = CaseStatisticsRepository.value(Indicator.processingTime(Statistic.SHARE_WITHIN, null, 3, DayUnit.CALENDAR, ValueUnit.PERCENT), AGG);
        assertThat(share).isEqualByComparingTo("80");
    }

    @Test
    void percentileIsTakenFromTheDatabaseAggregate() {
        BigDecimal p = CaseStatisticsRepository.value(Indicator.processingTime(Statistic.PERCENTILE, new BigDecimal("80"), null, DayUnit.CALENDAR, ValueUnit.DAYS), AGG);
        assertThat(p).isEqualByComparingTo("5.2");
    }
}
