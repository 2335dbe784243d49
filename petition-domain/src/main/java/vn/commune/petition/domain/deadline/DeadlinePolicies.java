package vn.commune.petition.domain.deadline;

/**
 * The deadline policy of each commune served: its working-day calendar and its own decisions (remote
 * area) differ from one commune to another. The Petition and Dossier aggregates receive it as a resource
 * and ask it for the policy of their own commune, the one the metadata {@value #COMMUNE} of their first
 * event names.
 */
@FunctionalInterface
public interface DeadlinePolicies {

    /** The key of a message's metadata that names its commune (the recording account's). */
    String COMMUNE = "commune";

    /**
     * The policy of the commune {@code commune}; for null (events that carry no commune) or a commune
     * with no settings of its own, the configured commune's.
     */
    DeadlinePolicy of(String commune);

    /** One policy for every commune: a deployment of one commune, or a test. */
    static DeadlinePolicies only(DeadlinePolicy policy) {
        return commune -> policy;
    }
}
