package dk.klaremaal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KlaremaalApplication {

    public static void main(String[] args) {
        SpringApplication.run(KlaremaalApplication.class, args);
    }
}
