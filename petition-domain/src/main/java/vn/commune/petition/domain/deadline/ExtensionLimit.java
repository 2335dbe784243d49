package vn.commune.petition.domain.deadline;

/** Gia hạn: how many extensions a petition may have, and the longest one in days. */
public record ExtensionLimit(int times, int maxDays) {
}
