package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.KlaremaalApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application with no database configured: it starts its own PostgreSQL on an empty folder, then again on what it left. */
class EmbeddedDatabaseStartupIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(KlaremaalApplication.class).run(
                "--spring.datasource.url=",
                "--klaremaal.data-dir=" + dataDir,
                "--server.port=0",
                "--klaremaal.demo.enabled=true");
    }

    private static long count(ConfigurableApplicationContext app, String table) {
        return app.getBean(JdbcClient.class).sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void startsOnAnEmptyFolderWithDemoDataAndAgainOnTheFolderItLeft() {
        long organisations;
        long events;
        try (ConfigurableApplicationContext first = start()) {
            organisations = count(first, "organisation");
            events = count(first, "case_event");
            assertThat(first.getBeanNamesForType(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)).hasSize(1);
            assertThat(organisations).isGreaterThanOrEqualTo(10);
            assertThat(count(first, "goal")).isGreaterThanOrEqualTo(8);
            assertThat(events).isGreaterThan(10_000);
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        try (ConfigurableApplicationContext second = start()) {
            assertThat(count(second, "organisation")).as("demo data is loaded once").isEqualTo(organisations);
            assertThat(count(second, "case_event")).isEqualTo(events);
        }
    }
}
