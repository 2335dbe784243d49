package vn.commune.petition.api.document;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;

/**
 * One document printed from a petition's steps, as it was issued: its number and date come from the
 * event it is made from, so printing it again gives the same document.
 *
 * @param name its name in its address ({@code thong-bao-thu-ly})
 * @param kind what it is
 * @param number its number and symbol ("05/TB-UBND")
 * @param date the date it was issued under: the step's business date
 * @param title its kind and gist
 * @param namesPetitioners whether it prints a petitioner's identity (only to whom may see them)
 * @param html the whole document as HTML, A4
 */
public record PrintedDocument(String name, DocumentKind kind, String number, LocalDate date, String title,
                              boolean namesPetitioners, @JsonIgnore String html) {
}
