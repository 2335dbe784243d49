package vn.commune.petition.api.petition;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.write.WriteHeaders;
import vn.commune.petition.domain.petition.HandedOverDocument;
import vn.commune.petition.projections.petition.PetitionView;

/**
 * What was handed over with a petition, and the scans of it: {@code GET /api/petitions/{id}/handed-over}
 * lists them, {@code PUT /api/petitions/{id}/handed-over/{n}/scan} attaches a scan (the file as the body,
 * PDF, JPEG or PNG by its bytes), {@code GET} of the same reads it. Only a reader who may see the
 * petitioners sees any of it (PetitionReader); to anyone else, and for a denunciation to all but the
 * officers and the chair, the petition has no documents (404 for a scan).
 */
@RestController
@RequestMapping("/api/petitions/{id}/handed-over")
class ScanController {

    /** One document handed over, numbered from 1 as on the receipt, and its scan if it has one. */
    record Document(int number, String title, int pages, boolean original, Scans.Scan scan) {
    }

    private final Scans scans;
    private final PetitionReader reader;

    ScanController(Scans scans, PetitionReader reader) {
        this.scans = scans;
        this.reader = reader;
    }

    @GetMapping
    List<Document> list(@PathVariable String id, Authentication user) {
        PetitionView view = scans.visibleTo(id, user);
        Map<Integer, Scans.Scan> scanned = scans.of(view.id());
        List<HandedOverDocument> handed = view.handedOver();
        return IntStream.rangeClosed(1, handed.size())
                .mapToObj(n -> new Document(n, handed.get(n - 1).title(), handed.get(n - 1).pages(),
                        handed.get(n - 1).original(), scanned.get(n)))
                .toList();
    }

    @PutMapping(path = "/{document}/scan", consumes = MediaType.ALL_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "The file as it is: a PDF, JPEG or PNG, told from its bytes (not the Content-Type)",
            content = {@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<PetitionView> attach(@PathVariable String id, @PathVariable int document,
                                        InputStream body, WriteHeaders write, Authentication user) throws IOException {
        // The file as it is: no JSON to validate, its size bounded by BodySizeLimit, its kind told by Scans.
        return scans.attach(id, document, body.readAllBytes(), write).map(view -> reader.forReader(view, user)).response();
    }

    @GetMapping("/{document}/scan")
    ResponseEntity<byte[]> read(@PathVariable String id, @PathVariable int document, Authentication user) {
        PetitionView view = scans.visibleTo(id, user);
        Scans.File file = scans.file(view.id(), document).orElseThrow(() -> new NotFoundException(Scans.NO_SCAN));
        return download(view, document, file);
    }

    /** A scan as a download: never rendered in place, never sniffed, its digest for the reader to check. */
    static ResponseEntity<byte[]> download(PetitionView view, int document, Scans.File file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(view.reference() + "-" + document + "." + file.extension()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(file.sha256())) + ":")
                .cacheControl(CacheControl.noStore())
                .body(file.bytes());
    }
}
