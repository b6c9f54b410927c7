package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.klaremaal.KlaremaalApplication;
import dk.klaremaal.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The database is chosen, never fallen into: without a choice, or with two, the application refuses to start and says why. */
class DatabaseChoiceIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... settings) {
        String[] args = new String[settings.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--klaremaal.data-dir=" + dataDir;
        args[2] = "--spring.main.banner-mode=off";
        System.arraycopy(settings, 0, args, 3, settings.length);
        return new SpringApplicationBuilder(KlaremaalApplication.class).run(args);
    }

    @Test
    void withoutAChoiceItRefusesToStartNamingBothSettings() {
        assertThatThrownBy(() -> start("--spring.datasource.url=", "--klaremaal.database="))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No database is chosen")
                .hasMessageContaining("SPRING_DATASOURCE_URL").hasMessageContaining("klaremaal.database=embedded");
        assertThat(dataDir.resolve("postgres")).as("no embedded PostgreSQL was started").doesNotExist();
    }

    @Test
    void withBothItRefusesToStart() {
        assertThatThrownBy(() -> start("--spring.datasource.url=" + TestDatabase.url(), "--klaremaal.database=embedded"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Both klaremaal.database=embedded and SPRING_DATASOURCE_URL");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void anUnknownChoiceIsRefused() {
        assertThatThrownBy(() -> start("--spring.datasource.url=", "--klaremaal.database=h2"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("klaremaal.database is 'h2'");
    }

    @Test
    void aServerUrlAloneUsesThatServerAndStartsNoEmbeddedPostgres() {
        try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + TestDatabase.url(),
                "--spring.datasource.username=" + TestDatabase.username(), "--klaremaal.database=", "--klaremaal.demo.enabled=false")) {
            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        }
        try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + TestDatabase.url(),
                "--spring.datasource.username=" + TestDatabase.username(), "--klaremaal.database=server", "--klaremaal.demo.enabled=false")) {
            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        }
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }
}
