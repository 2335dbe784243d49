package vn.commune.petition.api.lookup;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.commune.petition.api.commune.CommuneSettings;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.problem.ThrottledException;

/**
 * Tra cứu đơn ({@code templates/lookup/page.html}), no sign-in: the citizen types the reference and
 * the lookup code from the receipt, or scans its QR code, whose address carries both after {@code #}
 * for the page's script (lookup.js) to fill in and send; the code is sent in the form's body, never in
 * a URL. The answer is the petition's public status, or one message for a wrong code and an unknown
 * reference alike; 429 with Retry-After after repeated failures. It opens no session, and the code is
 * never written back into the page.
 */
@PageController
class LookupPages {

    private final PublicLookup lookup;
    private final CommuneSettings settings;

    LookupPages(PublicLookup lookup, CommuneSettings settings) {
        this.lookup = lookup;
        this.settings = settings;
    }

    @GetMapping("/lookup")
    String form(Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("reference", "");
        return "lookup/page";
    }

    @PostMapping("/lookup")
    String lookup(@RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String code,
                  Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String ref = reference.length() > 20 ? "" : reference.strip();
        model.addAttribute("reference", ref);
        try {
            Optional<PublicStatus> found = code.length() > 40 ? Optional.empty()
                    : lookup.find(ref, code, request.getRemoteAddr());
            if (found.isPresent()) {
                model.addAttribute("status", found.get());
                model.addAttribute("handledBy", settings.of(found.get().commune()).print().committee(locale));
            } else {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("notFound", true);
            }
        } catch (ThrottledException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            model.addAttribute("retryAfter", e.retryAfterSeconds());
        }
        return "lookup/page";
    }
}
