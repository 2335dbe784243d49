package vn.commune.petition.projections.commune;

import java.util.Map;
import vn.commune.petition.domain.deadline.DeadlinePolicies;

/**
 * The commune an event belongs to, and with it every read model row it writes (V18_3): the code its
 * metadata carries under {@value #METADATA} (the recording account's), else the configured commune
 * ({@code petition.commune.code}, blank when none is configured). Events stored before communes were
 * recorded carry none, and stay as they were stored.
 *
 * @param configured the configured commune's code, or blank
 */
public record EventCommune(String configured) {

    /** The key of an event's metadata that names its commune. */
    public static final String METADATA = DeadlinePolicies.COMMUNE;

    public EventCommune {
        configured = configured == null ? "" : configured;
    }

    /** The commune of an event whose metadata carries {@code carried} (null: none). */
    public String of(String carried) {
        return carried == null ? configured : carried;
    }

    /** The commune of an event with this metadata. */
    public String ofMetaData(Map<String, ?> metadata) {
        Object carried = metadata.get(METADATA);
        return carried == null ? configured : carried.toString();
    }
}
