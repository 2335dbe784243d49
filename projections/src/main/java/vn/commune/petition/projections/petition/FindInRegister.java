package vn.commune.petition.projections.petition;

import java.time.LocalDate;
import java.util.Set;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionStatus;

/**
 * Which petitions the register lists, and in what order. Every filter may be null. {@code text} is a
 * reference, or words that must all be in the summary, or all in the petitioners' names, the names
 * only of petitions of {@code namesOfKinds} (the kinds whose petitioners the reader may see); words
 * match with or without their diacritics. {@code from} and {@code to} bound the receipt date,
 * inclusive; {@code overdueOn}, if set, keeps the petitions open and past their deadline on that day.
 */
public record FindInRegister(
        String text,
        Set<PetitionKind> namesOfKinds,
        PetitionStatus status,
        PetitionKind kind,
        Channel channel,
        String field,
        String ward,
        LocalDate from,
        LocalDate to,
        LocalDate overdueOn,
        Order order) {

    /**
     * The register's orders: newest received first (the default), or by due date either way. Each is
     * written twice: as its index reads it, and as expressions no index reads ({@code + 0},
     * {@code || ''}), which leave the planner to find the few rows a narrow selection matches through
     * the filters' indexes and sort them, rather than walk the whole order's index looking for them.
     */
    public enum Order {
        RECEIVED_NEWEST("received_on DESC, reference DESC", "received_on + 0 DESC, reference || '' DESC"),
        DUE_SOONEST("due_on ASC NULLS LAST, reference ASC", "due_on + 0 ASC NULLS LAST, reference || '' ASC"),
        // NULLS FIRST, so that the due-date index is read backwards; every petition has a due date anyway.
        DUE_LATEST("due_on DESC NULLS FIRST, reference DESC", "due_on + 0 DESC NULLS FIRST, reference || '' DESC");

        /** By its index: for a selection of many petitions, the first page is the index's first rows. */
        final String byIndex;
        /** Sorted after the filters: for a selection of few petitions. */
        final String sorted;

        Order(String byIndex, String sorted) {
            this.byIndex = byIndex;
            this.sorted = sorted;
        }
    }
}
