package vn.commune.petition.api.petition;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.StringJoiner;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.projections.petition.FindInRegister;

/**
 * The register's query string ({@code /petitions?q=…&status=…}): what to find, the filters, the order
 * and the page (from 1). Every part may be left out. The same query downloads the selection.
 */
public record RegisterFilter(
        @Size(max = 200) String q,
        PetitionStatus status,
        PetitionKind kind,
        Channel channel,
        @Size(max = 200) String field,
        @Size(max = 200) String ward,
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        Boolean overdue,
        FindInRegister.Order sort,
        @Min(1) @Max(RegisterFilter.LAST_PAGE) Integer page) {

    /**
     * The last page the register turns to: 10,000 petitions in (as many as a download holds); past it,
     * a selection is narrowed rather than paged, so that no page reads through the whole register.
     */
    public static final int LAST_PAGE = 400;

    /** Nothing asked for: the whole register, newest first. */
    static final RegisterFilter NONE = new RegisterFilter(null, null, null, null, null, null, null, null, null, null, null);

    @AssertTrue(message = "from must not be after to")
    public boolean isPeriodOrdered() {
        return from == null || to == null || !from.isAfter(to);
    }

    public FindInRegister.Order order() {
        return sort == null ? FindInRegister.Order.RECEIVED_NEWEST : sort;
    }

    public int pageOrFirst() {
        return page == null ? 1 : page;
    }

    public boolean onlyOverdue() {
        return Boolean.TRUE.equals(overdue);
    }

    /** Whether anything narrows the register (the order and the page aside). */
    public boolean narrowed() {
        return q != null || status != null || kind != null || channel != null || field != null || ward != null
                || from != null || to != null || onlyOverdue();
    }

    /** This selection at {@code path} ({@code /petitions}, {@code /petitions.csv}...), in {@code order}, at page {@code page} (null: none). */
    public String link(String path, FindInRegister.Order order, Integer page) {
        StringJoiner uri = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        add(uri, "q", q);
        add(uri, "status", status);
        add(uri, "kind", kind);
        add(uri, "channel", channel);
        add(uri, "field", field);
        add(uri, "ward", ward);
        add(uri, "from", from);
        add(uri, "to", to);
        add(uri, "overdue", onlyOverdue() ? true : null);
        add(uri, "sort", order == FindInRegister.Order.RECEIVED_NEWEST ? null : order);
        add(uri, "page", page == null || page == 1 ? null : page);
        return uri.toString();
    }

    /** This selection in its own order at another page. */
    public String page(int page) {
        return link("/petitions", order(), page);
    }

    /** This selection sorted otherwise, from its first page. */
    public String sorted(FindInRegister.Order order) {
        return link("/petitions", order, null);
    }

    /** This selection sorted by due date: the soonest first, or the latest first if it is so sorted already. */
    public String byDueDate() {
        return sorted(order() == FindInRegister.Order.DUE_SOONEST
                ? FindInRegister.Order.DUE_LATEST : FindInRegister.Order.DUE_SOONEST);
    }

    /** This selection downloaded as {@code csv} or {@code xlsx}. */
    public String download(String format) {
        return link("/petitions." + format, order(), null);
    }

    private static void add(StringJoiner uri, String name, Object value) {
        if (value != null) {
            uri.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
    }
}
