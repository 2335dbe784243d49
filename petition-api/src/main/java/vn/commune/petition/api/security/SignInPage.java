package vn.commune.petition.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.commune.petition.api.page.PageController;

/**
 * The sign-in form ({@code templates/signin/page.html}). Spring Security reads what it posts
 * ({@code POST /login}) and signs out on {@code POST /logout}; this only shows the form and why the
 * reader is back at it: a wrong name or password, a throttled sign-in and how long to wait, an
 * ended session, a sign-out.
 */
@PageController
class SignInPage {

    @GetMapping(PageSecurityConfiguration.SIGN_IN)
    String signIn(@RequestParam(required = false) Long wait, Authentication user, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        boolean throttled = wait != null && wait > 0;
        if (throttled) {
            model.addAttribute("waitSeconds", Math.min(wait, 3600));
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.min(wait, 3600)));
        }
        model.addAttribute("throttled", throttled);
        // Flags without values (?error, ?signedOut): read as present, not through the pages' text
        // binding, which reads an empty text as none.
        model.addAttribute("signInFailed", !throttled && request.getParameter("error") != null);
        model.addAttribute("sessionExpired", request.getParameter("expired") != null);
        model.addAttribute("signedOut", request.getParameter("signedOut") != null);
        return "signin/page";
    }
}
