package dk.klaremaal.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    /** All dates the product shows or counts are local dates in Copenhagen. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
