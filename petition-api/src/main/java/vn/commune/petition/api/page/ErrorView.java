package vn.commune.petition.api.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * The HTML error page ({@code templates/error/page.html}): what a page answers for 403, 404, 409,
 * 412, 500 and 503, in the reader's language. Page controllers get it from PageErrors; Spring
 * Security's handlers, which run before Spring MVC, render it with {@link #render}.
 */
@Component
public class ErrorView {

    static final String TEMPLATE = "error/page";

    /** The statuses the error page explains (error.<status>.* in the bundles); others read as the nearest. */
    private static final java.util.Set<Integer> EXPLAINED = java.util.Set.of(400, 403, 404, 405, 409, 412, 500, 503);

    private final ViewResolver views;
    private final LocaleResolver locales;

    ErrorView(@Qualifier("thymeleafViewResolver") ViewResolver views, LocaleResolver locales) {
        this.views = views;
        this.locales = locales;
    }

    /**
     * The error page for {@code status}: its title and explanation are the bundle's
     * {@code error.<status>.title} and {@code error.<status>.text}; {@code rule}, if not null, is a
     * named rule whose sentence ({@code rule.<NAME>}) is shown too.
     */
    public static ModelAndView of(HttpStatus status, String rule) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", EXPLAINED.contains(status.value()) ? status.value() : status.is4xxClientError() ? 400 : 500);
        if (rule != null) {
            model.put("rule", rule);
        }
        ModelAndView page = new ModelAndView(TEMPLATE, model);
        page.setStatus(status);
        return page;
    }

    /** Writes the error page as the whole response, outside Spring MVC (a security filter's refusal). */
    public void render(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws Exception {
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        View view = views.resolveViewName(TEMPLATE, locales.resolveLocale(request));
        if (view == null) {
            response.sendError(status.value());
            return;
        }
        response.setStatus(status.value());
        view.render(of(status, null).getModel(), request, response);
    }
}
