package vn.commune.petition.api.page;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import vn.commune.petition.api.security.ApiPaths;

/**
 * The pages speak Vietnamese unless the reader chose English ({@code ?lang=en} on any page, kept in
 * a cookie for a year). The API is untouched: its locale is still the request's Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
public class PageLocales implements WebMvcConfigurer {

    /** Vietnamese, the pages' language unless the reader chose another. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    LocaleResolver localeResolver() {
        return new PageLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns(ApiPaths.PATTERNS);
    }

    /** Vietnamese or English: any other language asked for is Vietnamese. */
    static Locale supported(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : VIETNAMESE;
    }

    /** The chosen language from its cookie on pages; the Accept-Language header elsewhere, as before. */
    static final class PageLocaleResolver extends CookieLocaleResolver {

        PageLocaleResolver() {
            super("lang");
            setDefaultLocale(VIETNAMESE);
            setCookieMaxAge(Duration.ofDays(365));
            setCookieHttpOnly(true);
            setCookieSameSite("Lax");
            setLanguageTagCompliant(true);
            setRejectInvalidCookies(true);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            // On an error dispatch the path is /error: the page is the one that failed.
            String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                    ? failed : request.getRequestURI();
            if (ApiPaths.isApi(path)) {
                return request.getLocale();
            }
            return supported(super.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale));
        }
    }
}
