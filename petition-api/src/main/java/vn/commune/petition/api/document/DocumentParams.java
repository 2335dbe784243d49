package vn.commune.petition.api.document;

import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/** {@code ?format=pdf|html} (else the Accept header) and {@code ?lang=vi|en} (Vietnamese by default). */
record DocumentParams(
        @Pattern(regexp = "pdf|html", message = "must be pdf or html") String format,
        @Pattern(regexp = "vi|en", message = "must be vi or en") String lang) {

    Locale locale() {
        return "en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }
}
