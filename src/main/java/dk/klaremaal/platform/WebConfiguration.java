package dk.klaremaal.platform;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Tomcat answers "100 Continue" to a request that expects it only once the application starts reading
 * the body, so an upload refused by its declared size (413) is refused before the client sends it.
 *
 * <p>Spring registers a filter that rewrites every link in a page to a versioned static-resource URL
 * when it names one; it looks each link up on the class path, page links included, which made that
 * lookup most of the cost of a page. Klaremål does not version its static files, so it is switched off.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnlyWhenRead() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
