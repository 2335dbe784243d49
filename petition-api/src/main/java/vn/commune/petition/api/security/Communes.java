package vn.commune.petition.api.security;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.print.CommuneProperties;

/**
 * Which commune an account belongs to, and so the events it records: the account's own
 * ({@code petition.security.users[].commune}) or, without one, the configured commune
 * ({@code petition.commune.code}). Every command a user sends carries it in its events' metadata under
 * {@value #METADATA}; an event without it (stored before, or on a deployment with no code) is the
 * configured commune's, so nothing stored is ever rewritten.
 */
@Component
public class Communes {

    /** The key of an event's metadata that names its commune. */
    public static final String METADATA = "commune";

    /** A commune's code: its five-digit mã đơn vị hành chính. */
    private static final Pattern CODE = Pattern.compile("[0-9]{5}");

    private final String configured;
    private final Map<String, String> byAccount = new HashMap<>();

    Communes(CommuneProperties commune, AccountsProperties accounts) {
        this.configured = commune.code();
        for (AccountsProperties.Account account : accounts.users()) {
            if (account.commune() != null && !account.commune().isBlank()) {
                if (!isCode(account.commune())) {
                    throw new IllegalStateException("The commune of account '" + account.username()
                            + "' is a code of five digits (mã đơn vị hành chính), not \"" + account.commune() + "\"");
                }
                byAccount.put(account.username(), account.commune());
            }
        }
    }

    /** Whether {@code code} is a commune's code: five digits. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The commune of the account {@code username}: its own, else the configured one; empty when neither is set. */
    public String of(String username) {
        return byAccount.getOrDefault(username, configured);
    }

    /** The commune of an event with this metadata: the one it carries, else the configured one. */
    public String ofEvent(Map<String, ?> metadata) {
        Object carried = metadata.get(METADATA);
        return carried == null ? configured : carried.toString();
    }
}
