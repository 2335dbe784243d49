package vn.commune.petition.api.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The accounts that may sign in, from {@code petition.security.users}; passwords as {bcrypt} hashes. */
@ConfigurationProperties("petition.security")
public record AccountsProperties(List<Account> users) {

    public AccountsProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * One account: its username, password hash ({@code {bcrypt}$2a$...}), roles, and the code of its
     * commune (blank: the configured one, {@code petition.commune.code}; see Communes).
     */
    public record Account(String username, String password, Set<Role> roles, String commune) {
    }
}
