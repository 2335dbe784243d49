package vn.commune.petition.api.document;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.petition.PetitionReader;
import vn.commune.petition.api.print.A4Pdf;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.problem.Problems;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * {@code GET /api/petitions/{id}/documents}: the documents a petition's steps call for (biên bản tiếp
 * công dân, thông báo thụ lý / không thụ lý, phiếu chuyển đơn, phiếu hướng dẫn, the written answer's
 * cover), and each as A4 PDF or HTML. A document that names a petitioner is listed and given only to
 * a reader who may see the petitioners ({@link PetitionReader#maySeePetitioners}); to anyone else 403.
 */
@RestController
class DocumentController {

    static final String NO_PETITION = "No petition has this id";
    static final String NO_DOCUMENT = "This petition has no document of this name";

    private final PetitionViewQueries views;
    private final PetitionReader reader;
    private final Documents documents;

    DocumentController(PetitionViewQueries views, PetitionReader reader, Documents documents) {
        this.views = views;
        this.reader = reader;
        this.documents = documents;
    }

    /** A document in the list: what it is, its number and date, and where to get it. */
    record Entry(String name, DocumentKind kind, String number, LocalDate date, String title, Map<String, String> links) {
    }

    @GetMapping("/api/petitions/{id}/documents")
    List<Entry> list(@PathVariable String id, @Valid DocumentParams params, Authentication user) {
        PetitionView petition = petition(id);
        String base = "/api/petitions/" + petition.id() + "/documents/";
        String lang = params.lang() == null ? "" : "&lang=" + params.lang();
        return documents.of(petition, params.locale()).stream()
                .filter(document -> mayRead(document.namesPetitioners(), petition, user))
                .map(document -> new Entry(document.name(), document.kind(), document.number(), document.date(),
                        document.title(), Map.of(
                                "pdf", base + document.name() + "?format=pdf" + lang,
                                "html", base + document.name() + "?format=html" + lang)))
                .toList();
    }

    @GetMapping("/api/petitions/{id}/documents/{name}")
    ResponseEntity<?> document(@PathVariable String id, @PathVariable String name, @Valid DocumentParams params,
                               @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                               Authentication user) {
        PetitionView petition = petition(id);
        PrintedDocument document = documents.of(petition, params.locale()).stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst().orElseThrow(() -> new NotFoundException(NO_DOCUMENT));
        if (!mayRead(document.namesPetitioners(), petition, user)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                            "This document names a petitioner your role may not see"));
        }
        boolean pdf = params.format() != null ? params.format().equals("pdf")
                : accept == null || !accept.contains("text/html") || accept.contains("application/pdf");
        return pdf ? pdf(document, petition) : html(document);
    }

    private PetitionView petition(String id) {
        return views.find(NotFoundException.unlessId(id, NO_PETITION)).orElseThrow(() -> new NotFoundException(NO_PETITION));
    }

    private boolean mayRead(boolean namesPetitioners, PetitionView petition, Authentication user) {
        return !namesPetitioners || reader.maySeePetitioners(user, petition.kind());
    }

    /** The PDF, to be shown in the browser and printed ({@code inline}), named after the document and the petition. */
    static ResponseEntity<byte[]> pdf(PrintedDocument document, PetitionView petition) {
        String file = document.name() + "-" + petition.reference().replaceAll("[^A-Za-z0-9-]", "-") + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(file).build().toString())
                .body(A4Pdf.of(document.html()));
    }

    static ResponseEntity<String> html(PrintedDocument document) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(document.html());
    }
}
