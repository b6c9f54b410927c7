package dk.klaremaal.platform;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The database is chosen, never fallen into: either a PostgreSQL server ({@code SPRING_DATASOURCE_URL}, optionally
 * with {@code klaremaal.database=server}) or the embedded PostgreSQL ({@code klaremaal.database=embedded}, set by
 * the demo profile and {@code ./klaremaal run}). With neither, or both, the application refuses to start before
 * anything touches a database, with a message that names the settings.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseChoice {

    static final String EMBEDDED = "embedded";
    static final String SERVER = "server";

    @Bean
    static BeanFactoryPostProcessor databaseChosen(Environment environment) {
        String choice = environment.getProperty("klaremaal.database", "").trim();
        String url = environment.getProperty("spring.datasource.url", "").trim();
        return beanFactory -> check(choice, url);
    }

    static void check(String choice, String url) {
        boolean embedded = choice.equals(EMBEDDED);
        if (!choice.isEmpty() && !embedded && !choice.equals(SERVER)) {
            throw new IllegalStateException("klaremaal.database is '" + choice + "'; it must be 'embedded' (a PostgreSQL started by "
                    + "the application, data in klaremaal.data-dir) or 'server' (the PostgreSQL server in SPRING_DATASOURCE_URL)");
        }
        if (embedded && !url.isEmpty()) {
            throw new IllegalStateException("Both klaremaal.database=embedded and SPRING_DATASOURCE_URL (spring.datasource.url) are set; "
                    + "choose one: unset SPRING_DATASOURCE_URL to use the embedded PostgreSQL, or set klaremaal.database=server to use the server");
        }
        if (!embedded && url.isEmpty()) {
            throw new IllegalStateException("No database is chosen. Set SPRING_DATASOURCE_URL (spring.datasource.url, with "
                    + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) to a PostgreSQL server, or set klaremaal.database=embedded "
                    + "(KLAREMAAL_DATABASE=embedded) to start an embedded PostgreSQL with its data in klaremaal.data-dir, as "
                    + "./klaremaal run does for the demo");
        }
    }
}
