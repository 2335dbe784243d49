package vn.commune.petition.domain.petition;

/**
 * Tài liệu, bằng chứng: one document or piece of evidence the citizen handed over with the petition,
 * as the receipt lists it: its title, its number of pages, and whether it is the original or a copy.
 */
public record HandedOverDocument(String title, int pages, boolean original) {
}
