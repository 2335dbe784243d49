package vn.commune.petition.api.document;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.petition.PetitionReader;
import vn.commune.petition.api.print.OfficialForm;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * A printed document from the petition page's links ({@code /petitions/{id}/documents/{name}}): the
 * same document as the API's, in the page's language, as HTML to print from the browser or as PDF
 * ({@code ?format=pdf}), with the same rule for who may read it.
 */
@PageController
class DocumentPages {

    /**
     * The pages' policy allows no inline style; a document's one style element is allowed by its hash,
     * and nothing else: no script, no other source.
     */
    private static final String POLICY = "default-src 'none'; style-src '" + sha256(OfficialForm.DOCUMENT_STYLE)
            + "'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final PetitionViewQueries views;
    private final PetitionReader reader;
    private final Documents documents;

    DocumentPages(PetitionViewQueries views, PetitionReader reader, Documents documents) {
        this.views = views;
        this.reader = reader;
        this.documents = documents;
    }

    @GetMapping("/petitions/{id}/documents/{name}")
    ResponseEntity<?> document(@PathVariable String id, @PathVariable String name, @Valid DocumentParams params,
                               Authentication user, Locale locale) {
        PetitionView petition = views.find(NotFoundException.unlessId(id, DocumentController.NO_PETITION))
                .orElseThrow(() -> new NotFoundException(DocumentController.NO_PETITION));
        PrintedDocument document = documents.of(petition, locale).stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst().orElseThrow(() -> new NotFoundException(DocumentController.NO_DOCUMENT));
        if (document.namesPetitioners() && !reader.maySeePetitioners(user, petition.kind())) {
            throw new AccessDeniedException("This document names a petitioner this role may not see");
        }
        if ("pdf".equals(params.format())) {
            return DocumentController.pdf(document, petition);
        }
        ResponseEntity<String> html = DocumentController.html(document);
        return ResponseEntity.status(html.getStatusCode()).headers(html.getHeaders())
                .header("Content-Security-Policy", POLICY).body(html.getBody());
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
