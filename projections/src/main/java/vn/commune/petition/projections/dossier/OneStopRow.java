package vn.commune.petition.projections.dossier;

/**
 * One line of the one-stop-shop table: dossiers of a field received (in all, online, in person,
 * carried over) and resolved (in all, early, on time, late) in the period.
 */
public record OneStopRow(String field, long received, long online, long inPerson, long carriedOver, long resolved,
                         long early, long onTime, long late) {

    OneStopRow plus(OneStopRow other) {
        return new OneStopRow(field, received + other.received, online + other.online, inPerson + other.inPerson,
                carriedOver + other.carriedOver, resolved + other.resolved, early + other.early,
                onTime + other.onTime, late + other.late);
    }
}
