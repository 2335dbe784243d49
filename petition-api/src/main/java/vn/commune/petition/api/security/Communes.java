package vn.commune.petition.api.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.print.CommuneProperties;
import vn.commune.petition.projections.commune.EventCommune;

/**
 * Which communes an account belongs to: the events it records carry its commune, and its requests see
 * only the rows of its communes (CommuneScope). An account's {@code petition.security.users[].commune}
 * is a commune's code (five digits), or the province's ({@code petition.province.code}, two digits) for
 * an account that oversees all the province's communes (an inspector or an administrator; there are no
 * districts since July 2025); without one, it is the configured commune's ({@code petition.commune.code}).
 * An event that carries no commune (stored before, or on a deployment with no code) is the configured
 * commune's, so nothing stored is ever rewritten (EventCommune).
 */
@Component
public class Communes {

    /** The key of an event's metadata that names its commune. */
    public static final String METADATA = EventCommune.METADATA;

    /** The roles an account overseeing a province's communes may have: none that records a step. */
    static final Set<Role> PROVINCIAL_ROLES = EnumSet.of(Role.INSPECTOR, Role.ADMIN);

    /** A commune's code: its five-digit mã đơn vị hành chính. */
    private static final Pattern CODE = Pattern.compile("[0-9]{5}");

    private final String configured;
    private final EventCommune events;
    private final Map<String, String> byAccount = new HashMap<>();
    private final Map<String, List<String>> scopes = new HashMap<>();
    /** Every commune served, the configured one first, with its name and kind. */
    private final Map<String, ProvinceProperties.Member> served = new LinkedHashMap<>();

    @Autowired
    Communes(CommuneProperties commune, AccountsProperties accounts, ProvinceProperties province) {
        this.configured = commune.code();
        this.events = new EventCommune(configured);
        served.put(configured, new ProvinceProperties.Member(configured, commune.name(), commune.kind()));
        province.communes().forEach(member -> served.putIfAbsent(member.code(), member));
        for (AccountsProperties.Account account : accounts.users()) {
            String code = account.commune() == null ? "" : account.commune().strip();
            if (code.isEmpty()) {
                continue;
            }
            if (!province.code().isEmpty() && code.equals(province.code())) {
                Set<Role> roles = account.roles() == null ? Set.of() : account.roles();
                if (!PROVINCIAL_ROLES.containsAll(roles)) {
                    throw new IllegalStateException("Account '" + account.username() + "' oversees the province's"
                            + " communes, so its roles are among " + PROVINCIAL_ROLES + ": a step is recorded by an"
                            + " account of the petition's commune");
                }
                scopes.put(account.username(), List.copyOf(served.keySet()));
                continue;
            }
            if (!isCode(code)) {
                throw new IllegalStateException("The commune of account '" + account.username()
                        + "' is a code of five digits (mã đơn vị hành chính), or the province's code of two"
                        + " (petition.province.code), not \"" + code + "\"");
            }
            byAccount.put(account.username(), code);
        }
    }

    /** Communes as configured on one commune's deployment: no province. */
    Communes(CommuneProperties commune, AccountsProperties accounts) {
        this(commune, accounts, new ProvinceProperties(null, null));
    }

    /** Whether {@code code} is a commune's code: five digits. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * The commune the events of the account {@code username} carry: its own, else the configured one;
     * empty when neither is set. (An account overseeing the province records no step.)
     */
    public String of(String username) {
        return byAccount.getOrDefault(username, configured);
    }

    /** The communes whose rows the account {@code username} sees: its own, or its province's. */
    public List<String> scopeOf(String username) {
        List<String> scope = scopes.get(username);
        return scope != null ? scope : List.of(of(username));
    }

    /** The communes a request that no one signed in to sees: the configured commune's public side. */
    public List<String> publicScope() {
        return List.of(configured);
    }

    /**
     * The commune whose published figures a request asks for ({@code ?commune=}): that one when this
     * deployment holds it ({@link #publishes}), else the configured commune's public side.
     */
    public List<String> publishedScope(String asked) {
        return publishes(asked) ? List.of(asked) : publicScope();
    }

    /** Whether the commune {@code code} publishes its figures here: one this deployment holds rows of. */
    public boolean publishes(String code) {
        return code != null && every().contains(code);
    }

    /** Whether the account oversees several communes, and so is shown their breakdown. */
    public boolean overseesSeveral(String username) {
        return scopeOf(username).size() > 1;
    }

    /** A commune served, as the law names it ("xã Tân Lập"); its code when it is not one served. */
    public String name(String code, Locale locale) {
        ProvinceProperties.Member member = served.get(code);
        if (member == null || member.name().isEmpty()) {
            return code;
        }
        return CommuneProperties.unit(member.name(), member.kind(), locale);
    }

    /** The configured commune's code ({@code petition.commune.code}); blank when none is configured. */
    public String configured() {
        return configured;
    }

    /**
     * Whether the account sees every commune this deployment holds rows of (the configured one, the
     * province's, and every account's): on one commune's deployment, every account does.
     */
    public boolean seesEveryCommune(String username) {
        return scopeOf(username).containsAll(every());
    }

    /**
     * The communes the public lookup searches: every one this deployment holds rows of, since a
     * citizen's receipt names its petition by reference and code, not by commune.
     */
    public List<String> lookupScope() {
        return List.copyOf(every());
    }

    /** The configured commune, the province's and every account's. */
    private Set<String> every() {
        Set<String> every = new TreeSet<>(served.keySet());
        every.addAll(byAccount.values());
        return every;
    }

    /**
     * Refuses (403) what reads or writes the whole database at once, past the row-level security (a
     * backup, the audit export, the verification of every chain, a dead letter's retry), to an account
     * that does not see every commune.
     */
    public void requireEveryCommune(String username) {
        if (!seesEveryCommune(username)) {
            throw new AccessDeniedException("Only an account that sees every commune of this deployment may do this");
        }
    }

    /** The communes served, the configured one first. */
    public List<String> served() {
        return new ArrayList<>(served.keySet());
    }

    /** The commune of an event with this metadata: the one it carries, else the configured one. */
    public String ofEvent(Map<String, ?> metadata) {
        return events.ofMetaData(metadata);
    }

    /** The same rule, for the projections. */
    public EventCommune events() {
        return events;
    }
}
