package dk.klaremaal.measurement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * At start-up, rebuilds the derived case data when the rules it was counted by have changed (one node does;
 * the others wait for it, and meanwhile serve what is stored). With {@code klaremaal.derived.rebuild-and-exit}
 * the application instead rebuilds it unconditionally and stops ({@code ./klaremaal rebuild-derived}).
 */
@Component
class DerivedDataAtStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DerivedDataAtStart.class);

    private final DerivedDataRebuild rebuild;
    private final ConfigurableApplicationContext context;
    private final boolean atStart;
    private final boolean andExit;

    DerivedDataAtStart(DerivedDataRebuild rebuild, ConfigurableApplicationContext context,
                       @Value("${klaremaal.derived.rebuild-at-start:true}") boolean atStart,
                       @Value("${klaremaal.derived.rebuild-and-exit:false}") boolean andExit) {
        this.rebuild = rebuild;
        this.context = context;
        this.atStart = atStart;
        this.andExit = andExit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (andExit) {
            int status = 0;
            try {
                rebuild.rebuild();
            } catch (RuntimeException e) {
                log.error("The derived case data could not be rebuilt", e);
                status = 1;
            }
            int exit = status;
            System.exit(SpringApplication.exit(context, () -> exit));
        }
        if (atStart) {
            rebuild.rebuildIfRulesChanged();
        }
    }
}
