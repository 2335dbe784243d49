package vn.commune.petition.projections.session;

/** Kết quả tiếp công dân of a period: sessions (by the head in person or delegated) and visits. */
public record ReceptionTotals(
        long sessions,
        long sessionsHostedInPerson,
        long sessionsDelegated,
        long visits,
        long people,
        long groupDelegations,
        long groupPeople,
        long firstVisits,
        long repeatVisits) {
}
