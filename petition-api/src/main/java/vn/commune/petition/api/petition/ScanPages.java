package vn.commune.petition.api.petition;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.page.PageRedirect;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.write.WriteHeaders;
import vn.commune.petition.domain.RuleViolation;
import vn.commune.petition.domain.petition.ScanAttached;
import vn.commune.petition.projections.petition.PetitionView;

/**
 * The scans on the petition's page ({@code templates/petition/page.html}, what was handed over): a file
 * attached to a document through the same Scans as {@code PUT /api/petitions/{id}/handed-over/{n}/scan},
 * then the petition's page again, saying what was done or why not; a scan downloaded as the API gives it.
 */
@PageController
class ScanPages {

    private final Scans scans;

    ScanPages(Scans scans) {
        this.scans = scans;
    }

    @PostMapping("/petitions/{id}/handed-over/{document}/scan")
    String attach(@PathVariable String id, @PathVariable int document, @RequestParam("file") MultipartFile file,
                  HtmxRequest htmx, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            scans.attach(id, document, file.getBytes(), new WriteHeaders(null, null, "POST " + request.getRequestURI()));
            redirect.addFlashAttribute("recorded", ScanAttached.class.getSimpleName());
        } catch (UnsupportedScanException e) {
            redirect.addFlashAttribute("scanRefused", "scan.unsupported");
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("scanRefused", "rule." + e.rule().name());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded scan", e);
        }
        return PageRedirect.to(htmx, "/petitions/" + NotFoundException.unlessId(id, Scans.NO_PETITION));
    }

    @GetMapping("/petitions/{id}/handed-over/{document}/scan")
    ResponseEntity<byte[]> read(@PathVariable String id, @PathVariable int document, Authentication user) {
        PetitionView view = scans.visibleTo(id, user);
        Scans.File scan = scans.file(view.id(), document).orElseThrow(() -> new NotFoundException(Scans.NO_SCAN));
        return ScanController.download(view, document, scan);
    }
}
