package vn.commune.petition.api.petition;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.page.Forms;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.api.report.Spreadsheets;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.projections.petition.FindInRegister;
import vn.commune.petition.projections.petition.PetitionViewQueries;
import vn.commune.petition.projections.petition.RegisterPage;

/**
 * Sổ theo dõi đơn, the register ({@code templates/petition/register.html}): every petition, found by
 * reference or by words of its summary or of its petitioners' names (names only where PetitionReader
 * lets the reader see them, so that a denunciator is never found by name by a reader who may not see
 * it), filtered, sorted by due date, a page at a time; the selection downloads as CSV or XLSX, its
 * petitioners masked exactly as on the page.
 */
@PageController
class RegisterPages {

    /** Petitions on one page of the register. */
    static final int PAGE_SIZE = 25;

    /** The most petitions one download holds. */
    static final int EXPORT_LIMIT = 10_000;

    /** The most choices a field or ward list offers. */
    static final int CHOICES = 200;

    private final PetitionViewQueries views;
    private final PetitionReader reader;
    private final PetitionRows rows;
    private final MessageSource messages;
    private final Clock clock;
    private final Communes communes;

    RegisterPages(PetitionViewQueries views, PetitionReader reader, PetitionRows rows, MessageSource messages,
                  Clock clock, Communes communes) {
        this.views = views;
        this.reader = reader;
        this.rows = rows;
        this.messages = messages;
        this.clock = clock;
        this.communes = communes;
    }

    @GetMapping("/petitions")
    String register(@Valid @ModelAttribute("filter") RegisterFilter filter, BindingResult form, Authentication user,
                    Model model, HttpServletResponse response, Locale locale) {
        LocalDate today = CommuneClock.today(clock);
        model.addAttribute("today", today);
        model.addAttribute("statuses", PetitionStatus.values());
        model.addAttribute("kinds", PetitionKind.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("orders", FindInRegister.Order.values());
        model.addAttribute("fields", views.fields(CHOICES));
        model.addAttribute("wards", views.wards(CHOICES));
        Set<PetitionKind> namesOfKinds = namesOfKinds(user);
        model.addAttribute("namesOfEveryKind", namesOfKinds.size() == PetitionKind.values().length);
        model.addAttribute("namesOfNoKind", namesOfKinds.isEmpty());
        model.addAttribute("exportLimit", EXPORT_LIMIT);
        model.addAttribute("lastPage", RegisterFilter.LAST_PAGE);
        if (form.hasErrors()) {
            response.setStatus(Forms.INVALID);
            return "petition/register";
        }
        RegisterPage page = views.register(query(filter, user, today), filter.pageOrFirst() - 1, PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("rows", page.items().stream().map(view -> rows.row(view, user, today)).toList());
        if (communes.overseesSeveral(user.getName())) {
            // References run per commune: each row says whose it is.
            model.addAttribute("communeNames", communes.scopeOf(user.getName()).stream()
                    .collect(Collectors.toMap(code -> code, code -> communes.name(code, locale))));
        }
        return "petition/register";
    }

    @GetMapping("/petitions.csv")
    ResponseEntity<byte[]> csv(@Valid RegisterFilter filter, BindingResult form, Authentication user, Locale locale) {
        LocalDate today = CommuneClock.today(clock);
        return Spreadsheets.download(RegisterExport.csv(selection(filter, form, user, today), labels(locale)),
                Spreadsheets.CSV, "so-theo-doi-don-" + today + ".csv");
    }

    @GetMapping("/petitions.xlsx")
    ResponseEntity<byte[]> xlsx(@Valid RegisterFilter filter, BindingResult form, Authentication user, Locale locale) {
        LocalDate today = CommuneClock.today(clock);
        return Spreadsheets.download(RegisterExport.xlsx(selection(filter, form, user, today), labels(locale)),
                Spreadsheets.XLSX, "so-theo-doi-don-" + today + ".xlsx");
    }

    /** The selection to download: at most {@link #EXPORT_LIMIT} petitions, as the reader may see them. */
    private List<PetitionRows.Row> selection(RegisterFilter filter, BindingResult form, Authentication user,
                                             LocalDate today) {
        if (form.hasErrors()) {
            throw new InvalidRequestException(form.getFieldErrors().stream()
                    .map(e -> new FieldProblem(e.getField(), "is not valid"))
                    .toList());
        }
        return views.registerRows(query(filter, user, today), EXPORT_LIMIT).stream()
                .map(view -> rows.row(view, user, today))
                .toList();
    }

    private FindInRegister query(RegisterFilter filter, Authentication user, LocalDate today) {
        return new FindInRegister(filter.q(), namesOfKinds(user), filter.status(), filter.kind(), filter.channel(),
                filter.field(), filter.ward(), filter.from(), filter.to(), filter.onlyOverdue() ? today : null,
                filter.order());
    }

    /**
     * The kinds of petition whose petitioners' names this reader may search: those it may see
     * (PetitionReader); none for the People's Inspection Board, which finds no one by name.
     */
    private Set<PetitionKind> namesOfKinds(Authentication user) {
        Set<PetitionKind> kinds = EnumSet.noneOf(PetitionKind.class);
        Arrays.stream(PetitionKind.values()).filter(kind -> reader.maySeePetitioners(user, kind)).forEach(kinds::add);
        return kinds;
    }

    /** The words of a download, in the reader's language. */
    private RegisterExport.Labels labels(Locale locale) {
        return key -> messages.getMessage(key, null, key, locale);
    }
}
