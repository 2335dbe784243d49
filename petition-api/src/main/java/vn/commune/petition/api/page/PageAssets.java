package vn.commune.petition.api.page;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The pages' assets, served by the service itself (no CDN): the stylesheet and scripts
 * ({@code static/css}, {@code static/js}), named by a hash of their content ({@code /css/pages-3f2a….css},
 * as {@code @{…}} writes them in a page), and htmx from its webjar, named by its version, so that a
 * browser keeps them a year and a new version is a new name; and the icon.
 *
 * <p>Only these paths are assets. Spring Boot's default mapping of every path ({@code /**}, with
 * {@code spring.web.resources.add-mappings}, turned off) made every link a page writes with
 * {@code @{…}} (a register page has dozens) look for a file of that name in four class-path
 * locations first, which cost the register half of its time.
 */
@Configuration(proxyBeanMethods = false)
class PageAssets implements WebMvcConfigurer {

    private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        hashed(registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/"));
        hashed(registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/"));
        // A webjar's path names its version already: the locator (webjars-locator-lite) writes /webjars/htmx.org/2.0.10/….
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(A_YEAR).resourceChain(true);
        registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/").setCacheControl(A_YEAR);
    }

    private static void hashed(ResourceHandlerRegistration assets) {
        assets.setCacheControl(A_YEAR)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    /** Rewrites an asset's link in a page to its hashed name ({@code response.encodeURL}, called by {@code @{…}}). */
    @Bean
    ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
        return new ResourceUrlEncodingFilter();
    }
}
