package vn.commune.petition.api.page;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * Where a page goes after a form that wrote something new (a session opened, a petition received):
 * a plain POST is redirected there; an htmx request is told to load that whole page
 * ({@code HX-Redirect}), since its address is not the form's. Flash attributes reach it either way.
 */
public final class PageRedirect {

    private PageRedirect() {
    }

    /** The view name that sends the reader to {@code path}. */
    public static String to(HtmxRequest htmx, String path) {
        return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + path;
    }
}
