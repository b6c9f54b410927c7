package dk.klaremaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.KlaremaalApplication;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.ResultService;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's service-goal agreement has national figures of the size KL publishes: for the last whole year, building
 * cases' national mean 60–75 days, municipal means from under 10 to about 200 days, and about two thirds of the cases
 * within their category's service goal. The figures are computed here in SQL from the case records and the case types'
 * service goals, and the published goals' results must add up to the same national figures.
 */
class DemoServiceGoalFiguresIT {

    @Test
    void theDemoPublishesTheAgreementWithNationalFiguresOfTheRightSize() throws Exception {
        String name = "klaremaal_demo_servicemaal_" + ProcessHandle.current().pid();
        String url;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
            url = "jdbc:postgresql://127.0.0.1:5432/" + name;
        } catch (SQLException e) {
            Assumptions.abort("needs the PostgreSQL server on 127.0.0.1:5432 for a fresh database: " + e.getMessage());
            return;
        }
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KlaremaalApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--klaremaal.demo.enabled=true", "--klaremaal.demo.api-token=", "--spring.main.banner-mode=off")) {
            System.out.printf("Demo loaded and started in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            int year = LocalDate.now(app.getBean(java.time.Clock.class)).getYear() - 1;

            // Every municipality publishes in the agreement's form, and keeps the one-third-cut goals.
            Map<String, Long> keys = app.getBean(GoalService.class).indicatorKeys();
            assertThat(keys).containsEntry(DemoMunicipalities.BUILDING_SHARE, 98L).containsEntry(DemoMunicipalities.BUILDING_MEAN, 98L)
                    .containsEntry(DemoMunicipalities.ENVIRONMENT_SHARE, 98L)
                    .containsEntry(DemoMunicipalities.BUILDING, 98L).containsEntry(DemoMunicipalities.ENVIRONMENT, 98L);
            List<String> serviceGoals = jdbc.sql("""
                    select t.code || ' ' || g.days || ' ' || count(*) from case_type t join case_type_service_goal g on g.case_type_id = t.id
                    group by t.code, g.days order by g.days, t.code""").query(String.class).list();
            assertThat(serviceGoals).containsExactly("byg-enfamiliehuse 40 98", "byg-simple 40 98", "byg-industri-lager 50 98",
                    "byg-etage-erhverv 55 98", "byg-etage-boliger 60 98", "miljoe-bilag-2 130 98", "miljoe-bilag-1 200 98");

            // The national figures, from the case records of every building case type with a service goal.
            String counted = """
                    from case_record r join case_type t on t.id = r.case_type_id
                    join service s on s.id = t.service_id and s.code = :service
                    join case_type_service_goal g on g.case_type_id = t.id
                    where not r.is_open and r.calendar_days is not null and extract(year from r.last_decided_on) = :year""";
            Map<String, Object> national = jdbc.sql("""
                    select count(*) as cases, sum(r.calendar_days) as days, avg(r.calendar_days) as mean,
                           count(*) filter (where r.calendar_days <= g.days)::numeric / count(*) as share
                    """ + counted).param("service", "byggeri").param("year", year).query().singleRow();
            List<BigDecimal> municipalMeans = jdbc.sql("select avg(r.calendar_days) " + counted + " group by t.organisation_id order by 1")
                    .param("service", "byggeri").param("year", year).query(BigDecimal.class).list();
            BigDecimal mean = (BigDecimal) national.get("mean");
            BigDecimal share = (BigDecimal) national.get("share");
            System.out.printf("%d: %s building cases, national mean %.1f days, %.1f %% within their service goal, municipal means %.1f–%.1f days%n",
                    year, national.get("cases"), mean, share.doubleValue() * 100, municipalMeans.getFirst(), municipalMeans.getLast());
            assertThat(municipalMeans).hasSize(98);
            assertThat(mean).isBetween(new BigDecimal("60"), new BigDecimal("75"));
            assertThat(municipalMeans.getFirst()).isLessThan(new BigDecimal("10"));
            assertThat(municipalMeans.getLast()).isBetween(new BigDecimal("150"), new BigDecimal("250"));
            assertThat(share).as("about two thirds within their service goal").isBetween(new BigDecimal("0.60"), new BigDecimal("0.73"));

            // Annex 1 approvals take longer than annex 2 (KL 2018: 112 and 83 days on average).
            BigDecimal annex1 = jdbc.sql("select avg(r.calendar_days) " + counted + " and t.code = 'miljoe-bilag-1'")
                    .param("service", "miljoe").param("year", year).query(BigDecimal.class).single();
            BigDecimal annex2 = jdbc.sql("select avg(r.calendar_days) " + counted + " and t.code = 'miljoe-bilag-2'")
                    .param("service", "miljoe").param("year", year).query(BigDecimal.class).single();
            System.out.printf("%d: annex 1 mean %.1f days, annex 2 mean %.1f days%n", year, annex1, annex2);
            assertThat(annex1).isGreaterThan(annex2);

            // The published goals add up to the same national figures: Σ mean × cases and Σ share × cases over the 98.
            ResultService results = app.getBean(ResultService.class);
            BigDecimal days = BigDecimal.ZERO;
            BigDecimal within = BigDecimal.ZERO;
            long cases = 0;
            for (Goal goal : app.getBean(GoalService.class).goalsWithKey(DemoMunicipalities.BUILDING_MEAN)) {
                GoalResult r = result(results, goal, year);
                days = days.add(r.value().multiply(BigDecimal.valueOf(r.observations())));
                cases += r.observations();
            }
            for (Goal goal : app.getBean(GoalService.class).goalsWithKey(DemoMunicipalities.BUILDING_SHARE)) {
                GoalResult r = result(results, goal, year);
                within = within.add(r.value().multiply(BigDecimal.valueOf(r.observations())).divide(BigDecimal.valueOf(100)));
            }
            assertThat(cases).isEqualTo(((Number) national.get("cases")).longValue());
            assertThat(days.divide(BigDecimal.valueOf(cases), MathContext.DECIMAL64)).isCloseTo(mean, org.assertj.core.data.Offset.offset(
                    new BigDecimal("0.000001")));
            assertThat(within.divide(BigDecimal.valueOf(cases), MathContext.DECIMAL64)).isCloseTo(share,
                    org.assertj.core.data.Offset.offset(new BigDecimal("0.000001")));

            // Environmental approvals are few: a municipality that decided 1 or 2 in the year (counted here in SQL) has a value
            // resting on too few cases, with no status and no rank in the comparison; one with 3 or more is assessed.
            Map<Long, Long> approvals = new java.util.HashMap<>();
            jdbc.sql("select t.organisation_id, count(*) " + counted + " group by t.organisation_id").param("service", "miljoe")
                    .param("year", year).query((rs, i) -> approvals.put(rs.getLong(1), rs.getLong(2))).list();
            long tooFew = 0;
            for (Goal goal : app.getBean(GoalService.class).goalsWithKey(DemoMunicipalities.ENVIRONMENT_SHARE)) {
                long n = approvals.getOrDefault(goal.organisationId(), 0L);
                var r = results.results(goal).stream().filter(x -> x.period().key().equals(String.valueOf(year))).findFirst();
                boolean expectedTooFew = n > 0 && n < DemoMunicipalities.ENVIRONMENT_MIN_CASES;
                assertThat(r.map(x -> x.standing() == GoalResult.Standing.TOO_FEW).orElse(false)).as("%d approvals", n).isEqualTo(expectedTooFew);
                tooFew += expectedTooFew ? 1 : 0;
            }
            System.out.printf("%d: %d municipalities decided 1–2 environmental approvals (too few to assess)%n", year, tooFew);
            assertThat(tooFew).isPositive();
            var comparison = app.getBean(dk.klaremaal.publication.ComparisonService.class).compare(DemoMunicipalities.ENVIRONMENT_SHARE,
                    String.valueOf(year), new dk.klaremaal.publication.ComparisonService.Filter(null, null, "value", false));
            assertThat(comparison.rows()).allSatisfy(row -> {
                boolean few = row.result() != null && row.result().standing() == GoalResult.Standing.TOO_FEW;
                assertThat(row.rank() == null).as(row.organisation().slug()).isEqualTo(few || row.value() == null);
            });
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    private static GoalResult result(ResultService results, Goal goal, int year) {
        return results.results(goal).stream().filter(r -> r.period().key().equals(String.valueOf(year))).findFirst().orElseThrow();
    }
}
