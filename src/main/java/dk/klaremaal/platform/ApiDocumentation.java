package dk.klaremaal.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and rendered at /api-dokumentation. */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    @Bean
    OpenAPI klaremaalApi() {
        return new OpenAPI()
                .info(new Info().title("Klaremål API").version("v1")
                        .description("Klare mål og mere åbenhed: organisations, goals, measurements and results. Reads are public; "
                                + "writes need a bearer token (scope ingest for measurements, admin for the catalogue and goals). "
                                + "Open data (CSV/JSON) is under /data, Open311 GeoReport v2 under /open311/v2.")
                        .license(new License().name("CC BY 4.0 (data)").url("https://creativecommons.org/licenses/by/4.0/")))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("An API token")));
    }
}
