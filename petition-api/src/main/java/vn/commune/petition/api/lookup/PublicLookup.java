package vn.commune.petition.api.lookup;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.api.commune.CommuneSettings;
import vn.commune.petition.api.database.CommuneScope;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.domain.petition.LookupCodeReplaced;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * Tra cứu: a petition's public status for its reference and lookup code, among every commune's
 * petitions (references run per commune: the code tells which of them is the citizen's). An unknown
 * reference and a wrong code take the same steps (the reference looked up, the code's hash read and compared in
 * constant time against a stand-in when there is none) and give the same empty answer, so neither
 * the answer nor its time tells whether a reference exists. The code's hash is read from the event
 * store, from the petition's latest event that set one: its receipt or the last replacement.
 */
@Component
public class PublicLookup {

    /** References as the service gives them ({@code 2024-0007}); anything else names nothing. */
    private static final Pattern REFERENCE = Pattern.compile("\\d{4}-\\d{4,6}");
    private static final String NOBODY = UUID.randomUUID().toString();
    private static final String STAND_IN = LookupCodes.hash("0".repeat(16));
    /** More petitions than communes served never share a reference; the bound keeps a lookup's work bounded. */
    private static final int MAX_SAME_REFERENCE = 1000;

    private final PetitionViewQueries views;
    private final JdbcClient jdbc;
    private final LookupThrottle throttle;
    private final Clock clock;
    private final Communes communes;
    private final CommuneSettings settings;
    private final TransactionTemplate readOnly;

    PublicLookup(PetitionViewQueries views, JdbcClient jdbc, LookupThrottle throttle, Clock clock, Communes communes,
                 CommuneSettings settings, PlatformTransactionManager transactions) {
        this.settings = settings;
        this.views = views;
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.clock = clock;
        this.communes = communes;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The status of the petition {@code reference} if {@code code} is its current lookup code; empty
     * otherwise. Throttled (429) per {@code clientAddress} and per reference after repeated failures.
     */
    public Optional<PublicStatus> find(String reference, String code, String clientAddress) {
        String ref = reference == null ? "" : reference.strip();
        throttle.check(clientAddress, ref);
        // Every commune's petitions, whatever the scope the request came in with (the configured
        // commune's public side), each compared: none is skipped because another matched.
        Optional<PublicStatus> found = CommuneScope.within(communes.lookupScope(), () -> readOnly.execute(status -> {
            List<String> ids = REFERENCE.matcher(ref).matches() ? views.idsOfReference(ref, MAX_SAME_REFERENCE)
                    : List.of();
            String typed = LookupCodes.normalize(code).map(LookupCodes::hash).orElse(STAND_IN);
            String match = null;
            for (String id : ids.isEmpty() ? List.of(NOBODY) : ids) {
                String stored = currentHash(id).orElse(null);
                if (LookupCodes.same(typed, stored == null ? STAND_IN : stored) && stored != null
                        && !id.equals(NOBODY)) {
                    match = id;
                }
            }
            return Optional.ofNullable(match).flatMap(views::find)
                    .map(view -> PublicStatus.of(view,
                            settings.of(view.commune()).print().committee(Locale.forLanguageTag("vi")),
                            CommuneClock.today(clock)));
        }));
        if (found.isEmpty()) {
            throttle.failed(clientAddress, ref);
        }
        return found;
    }

    private Optional<String> currentHash(String petitionId) {
        return jdbc.sql("""
                        SELECT CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'lookupCodeHash'
                          FROM public.domainevententry
                         WHERE aggregate_identifier = :id AND payload_type IN (:received, :replaced)
                         ORDER BY sequence_number DESC
                         LIMIT 1""")
                .param("id", petitionId)
                .param("received", PetitionReceived.class.getName())
                .param("replaced", LookupCodeReplaced.class.getName())
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .list().stream().findFirst().flatMap(hash -> hash);
    }
}
