package vn.commune.petition.api.counts;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.report.ReportPeriod;
import vn.commune.petition.api.report.Spreadsheets;

/**
 * {@code GET /api/public/figures?from=&to=&commune=}: the figures a commune publishes (PublicFigures), as
 * open data with no sign-in: JSON, or CSV by {@code Accept: text/csv} or {@code ?format=csv}. Numbers only; cached by anyone
 * for {@value #MAX_AGE_MINUTES} minutes, with an ETag (TransparencyConfiguration).
 */
@RestController
class PublicFiguresController {

    /** How long a published figure may be kept by a browser or a proxy. */
    static final int MAX_AGE_MINUTES = 5;

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(MAX_AGE_MINUTES)).cachePublic();

    private final Transparency transparency;

    PublicFiguresController(Transparency transparency) {
        this.transparency = transparency;
    }

    @GetMapping(value = "/api/public/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PublicFigures> figures(@Valid PublicPeriod period) {
        return ResponseEntity.ok().cacheControl(CACHE).body(read(period));
    }

    /** The CSV, by {@code Accept: text/csv} or, from a link, {@code ?format=csv}. */
    @GetMapping(value = "/api/public/figures", produces = "text/csv")
    ResponseEntity<byte[]> csv(@Valid PublicPeriod period) {
        PublicFigures figures = read(period);
        StringBuilder csv = new StringBuilder(Spreadsheets.CSV_BOM).append(Spreadsheets.csvLine(PublicFigures.CSV_HEADER));
        figures.csv().forEach(row -> csv.append(Spreadsheets.csvLine(row)));
        return ResponseEntity.ok().cacheControl(CACHE).contentType(Spreadsheets.CSV)
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/api/public/figures", params = "format=csv")
    ResponseEntity<byte[]> csvByLink(@Valid PublicPeriod period) {
        return csv(period);
    }

    private PublicFigures read(PublicPeriod period) {
        return transparency.figures(period.commune(), new ReportPeriod(period.from(), period.to()));
    }
}
