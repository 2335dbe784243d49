package vn.commune.petition.api.counts;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The published figures carry an ETag of their bytes (Spring's ShallowEtagHeaderFilter): a client
 * that asks again with {@code If-None-Match} gets 304 and no body while nothing changed.
 */
@Configuration(proxyBeanMethods = false)
class TransparencyConfiguration {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicFiguresEtag() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/public/figures", "/public/figures");
        return registration;
    }
}
