package vn.commune.petition.api.petition;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.commune.petition.api.commune.CommuneSettings;
import vn.commune.petition.api.lookup.QrCodes;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.page.PageRedirect;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.write.WriteHeaders;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * Giấy biên nhận ({@code templates/petition/receipt.html}): what the citizen takes home. Right after
 * the petition is received (or its lookup code replaced) it carries the lookup code, once, and a QR
 * code of the lookup page's address with the reference and code after {@code #}, which browsers never
 * send to a server; printed again later it carries neither, and a lost code is replaced from here. It
 * is headed by the petition's commune, with its address and telephone.
 */
@PageController
public class ReceiptPages {

    /** The flash attribute that carries a fresh lookup code from the write to the receipt, never in a URL. */
    public static final String LOOKUP_CODE = "lookupCode";

    /** The session attribute that holds the codes of petitions received at the desk until their receipt is shown. */
    private static final String HELD = ReceiptPages.class.getName() + ".held";
    private static final int MOST_HELD = 20;

    private final PetitionViewQueries views;
    private final PetitionReader reader;
    private final StepRecorder recorder;
    private final String publicUrl;
    private final CommuneSettings communes;

    ReceiptPages(PetitionViewQueries views, PetitionReader reader, StepRecorder recorder,
                 @Value("${petition.http.public-url:}") String publicUrl, CommuneSettings communes) {
        this.communes = communes;
        this.views = views;
        this.reader = reader;
        this.recorder = recorder;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Keeps the fresh lookup code of a petition received at the session desk, whose form is answered in
     * place (htmx), until the receipt the desk links to shows it, once. Only the last few are kept.
     */
    public static void hold(HttpSession session, String petitionId, String code) {
        synchronized (session) {
            @SuppressWarnings("unchecked")
            Map<String, String> held = (Map<String, String>) session.getAttribute(HELD);
            Map<String, String> kept = held == null ? new LinkedHashMap<>() : new LinkedHashMap<>(held);
            kept.put(petitionId, code);
            while (kept.size() > MOST_HELD) {
                kept.remove(kept.keySet().iterator().next());
            }
            session.setAttribute(HELD, kept);
        }
    }

    /** The code held for this petition, taken out of the session: it is shown once. */
    private static String takeHeld(HttpSession session, String petitionId) {
        if (session == null) {
            return null;
        }
        synchronized (session) {
            @SuppressWarnings("unchecked")
            Map<String, String> held = (Map<String, String>) session.getAttribute(HELD);
            if (held == null || !held.containsKey(petitionId)) {
                return null;
            }
            Map<String, String> kept = new LinkedHashMap<>(held);
            String code = kept.remove(petitionId);
            session.setAttribute(HELD, kept);
            return code;
        }
    }

    @GetMapping("/petitions/{id}/receipt")
    String receipt(@PathVariable String id, Model model, Authentication user, HttpServletRequest request) {
        PetitionView view = views.find(NotFoundException.unlessId(id, StepRecorder.NO_PETITION))
                .orElseThrow(() -> new NotFoundException(StepRecorder.NO_PETITION));
        model.addAttribute("petition", reader.forReader(view, user));
        model.addAttribute("lookupUrl", lookupPage());
        model.addAttribute("commune", communes.of(view.commune()).print());
        Object code = model.getAttribute(LOOKUP_CODE);
        if (code == null) {
            code = takeHeld(request.getSession(false), view.id());
            model.addAttribute(LOOKUP_CODE, code);
        }
        if (code instanceof String fresh) {
            String link = lookupPage() + "#r=" + URLEncoder.encode(view.reference(), StandardCharsets.UTF_8)
                    + "&c=" + URLEncoder.encode(fresh, StandardCharsets.UTF_8);
            model.addAttribute("qr", QrCodes.svg(link, view.reference()));
        }
        return "petition/receipt";
    }

    @PostMapping("/petitions/{id}/lookup-code")
    String replace(@PathVariable String id, HtmxRequest htmx, HttpServletRequest request, RedirectAttributes redirect) {
        ReceivedPetition replaced = recorder.replaceLookupCode(id,
                new WriteHeaders(null, null, "POST " + request.getRequestURI())).body();
        redirect.addFlashAttribute(LOOKUP_CODE, replaced.lookupCode());
        redirect.addFlashAttribute("replaced", true);
        return PageRedirect.to(htmx, "/petitions/" + replaced.petition().id() + "/receipt");
    }

    /** The public lookup page's address: the configured public address, or this request's. */
    private String lookupPage() {
        String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : publicUrl;
        return base + "/lookup";
    }
}
