package vn.commune.petition.api.document;

import static vn.commune.petition.api.print.A4Pdf.escape;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.commune.petition.api.commune.CommuneSettings;
import vn.commune.petition.api.print.CommuneProperties;
import vn.commune.petition.api.print.OfficialForm;
import vn.commune.petition.api.print.OfficialForm.Issue;
import vn.commune.petition.api.print.OfficialForm.Signer;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionAnswered;
import vn.commune.petition.domain.petition.PetitionForwarded;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionRejected;
import vn.commune.petition.domain.petition.Petitioner;
import vn.commune.petition.domain.petition.PetitionerGuided;
import vn.commune.petition.domain.session.SessionOpened;
import vn.commune.petition.domain.session.VisitLogged;
import vn.commune.petition.projections.document.DocumentEvents;
import vn.commune.petition.projections.document.DocumentEvents.Stored;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.session.SessionQueries;

/**
 * Writes the documents a petition's steps call for, from its events, in the format of Nghị định
 * 30/2020/NĐ-CP ({@link OfficialForm}). Each number counts the documents of its register (its kind's
 * abbreviation) issued in the same year up to its event, in the order the store kept the events; a
 * written answer keeps the number it was recorded with. The petition's commune issues them: its name,
 * address, symbol, place and signatory (CommuneSettings). A denunciator's identity is printed only in
 * what is addressed to the denunciator: never in a phiếu chuyển đơn.
 */
@Component
public class Documents {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The events of the petition's own stream that a document is made from. */
    private static final List<Class<?>> STEPS = List.of(PetitionAccepted.class, PetitionRejected.class,
            PetitionForwarded.class, PetitionerGuided.class, PetitionAnswered.class);

    /** Each register's events, with the field of each that holds its business date. */
    private static final Map<String, Map<Class<?>, String>> REGISTERS = Map.of(
            "BB", Map.of(VisitLogged.class, "heldOn"),
            "TB", Map.of(PetitionAccepted.class, "acceptedOn", PetitionRejected.class, "rejectedOn"),
            "PC", Map.of(PetitionForwarded.class, "forwardedOn"),
            "HD", Map.of(PetitionerGuided.class, "guidedOn"));

    private final DocumentEvents events;
    private final SessionQueries sessions;
    private final OfficialForm form;
    private final CommuneSettings communes;

    Documents(DocumentEvents events, SessionQueries sessions, OfficialForm form, CommuneSettings communes) {
        this.events = events;
        this.sessions = sessions;
        this.form = form;
        this.communes = communes;
    }

    /** The petition's commune, which issues its documents. */
    private CommuneProperties commune(PetitionView petition) {
        return communes.of(petition.commune()).print();
    }

    /** The form of the petition's commune. */
    private OfficialForm form(PetitionView petition) {
        return form.of(commune(petition));
    }

    /** Every document this petition's steps call for, in the order of its steps, in this language. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<PrintedDocument> of(PetitionView petition, Locale locale) {
        List<PrintedDocument> documents = new ArrayList<>();
        Map<String, Integer> names = new LinkedHashMap<>();
        for (Stored<VisitLogged> visit : events.visitsOf(petition.id())) {
            documents.add(visitRecord(petition, visit, name(names, DocumentKind.VISIT_RECORD), locale));
        }
        for (Stored<Object> step : events.ofPetition(petition.id(), STEPS)) {
            Object event = step.event();
            long at = step.globalIndex();
            PrintedDocument document = null;
            if (event instanceof PetitionAccepted accepted) {
                document = acceptance(petition, accepted, at, name(names, DocumentKind.ACCEPTANCE_NOTICE), locale);
            } else if (event instanceof PetitionRejected rejected) {
                document = rejection(petition, rejected, at, name(names, DocumentKind.REJECTION_NOTICE), locale);
            } else if (event instanceof PetitionForwarded forwarded) {
                document = forwarding(petition, forwarded, at, name(names, DocumentKind.FORWARDING_SLIP), locale);
            } else if (event instanceof PetitionerGuided guided) {
                document = guidance(petition, guided, at, name(names, DocumentKind.GUIDANCE_SLIP), locale);
            } else if (event instanceof PetitionAnswered answered) {
                document = answer(petition, answered, name(names, DocumentKind.WRITTEN_ANSWER), locale);
            }
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    /** A document a petition's steps call for, as a link names it, without writing it. */
    public record Listed(String name, DocumentKind kind, boolean namesPetitioners) {
    }

    /**
     * The documents {@link #of} writes for this petition, named alike, read from its view and its
     * session's (no number is counted): for the petition page's links.
     */
    public List<Listed> listed(PetitionView petition) {
        List<Listed> listed = new ArrayList<>();
        Map<String, Integer> names = new LinkedHashMap<>();
        long visits = petition.sessionId() == null ? 0 : sessions.find(petition.sessionId())
                .map(session -> session.visits().stream().filter(v -> petition.id().equals(v.petitionId())).count())
                .orElse(0L);
        for (long visit = 0; visit < visits; visit++) {
            listed.add(new Listed(name(names, DocumentKind.VISIT_RECORD), DocumentKind.VISIT_RECORD, true));
        }
        for (PetitionView.Step step : petition.steps()) {
            DocumentKind kind = KINDS.get(step.type());
            if (kind != null) {
                boolean identifies = kind != DocumentKind.FORWARDING_SLIP || petition.kind() != PetitionKind.DENUNCIATION;
                listed.add(new Listed(name(names, kind), kind, identifies));
            }
        }
        return listed;
    }

    private static final Map<String, DocumentKind> KINDS = Map.of(
            PetitionAccepted.class.getSimpleName(), DocumentKind.ACCEPTANCE_NOTICE,
            PetitionRejected.class.getSimpleName(), DocumentKind.REJECTION_NOTICE,
            PetitionForwarded.class.getSimpleName(), DocumentKind.FORWARDING_SLIP,
            PetitionerGuided.class.getSimpleName(), DocumentKind.GUIDANCE_SLIP,
            PetitionAnswered.class.getSimpleName(), DocumentKind.WRITTEN_ANSWER);

    private PrintedDocument visitRecord(PetitionView petition, Stored<VisitLogged> stored, String name, Locale locale) {
        VisitLogged visit = stored.event();
        SessionOpened session = events.sessionOpened(visit.sessionId()).orElse(null);
        CommuneProperties commune = commune(petition);
        String host = session == null ? "" : session.host();
        String sessionKind = session == null ? "" : text(locale, "document.session." + session.kind());
        StringBuilder body = new StringBuilder();
        paragraph(body, text(locale, "document.visit.opening", day(visit.heldOn()), commune.address(),
                commune.committee(locale), sessionKind, host));
        flat(body, text(locale, "document.visit.received"));
        identities(body, petition.petitioners(), locale);
        if (visit.group()) {
            paragraph(body, text(locale, "document.visit.group", visit.people()));
        }
        paragraph(body, text(locale, "document.visit.content", visit.summary()));
        paragraph(body, text(locale, "document.visit.outcome", text(locale, "document.outcome." + visit.outcome()),
                petition.reference()));
        paragraph(body, text(locale, "document.visit.closing"));
        Issue issue = new Issue(form(petition).number(number(stored.globalIndex(), "BB", visit.heldOn()), "BB"),
                visit.heldOn(), text(locale, "document.kind.VISIT_RECORD"), text(locale, "document.gist.VISIT_RECORD"),
                List.of(text(locale, "document.recipient.citizen"), archive(petition, locale)),
                new Signer("", text(locale, "document.visit.host"), host), text(locale, "document.visit.counterpart"));
        return document(petition, name, DocumentKind.VISIT_RECORD, issue, body, true, locale);
    }

    private PrintedDocument acceptance(PetitionView petition, PetitionAccepted accepted, long at, String name,
                                       Locale locale) {
        String what = petitionWords(petition.kind(), locale);
        StringBuilder body = new StringBuilder();
        addressee(body, petition.petitioners(), locale);
        paragraph(body, receivedLine(petition, identityLine(petition.petitioners(), locale), locale));
        paragraph(body, text(locale, "document.accepted.body", what, commune(petition).committee(locale),
                day(accepted.acceptedOn()), day(accepted.dueOn()), petition.reference()));
        paragraph(body, text(locale, "document.accepted.outro"));
        Issue issue = new Issue(form(petition).number(number(at, "TB", accepted.acceptedOn()), "TB"),
                accepted.acceptedOn(), text(locale, "document.kind.ACCEPTANCE_NOTICE"),
                text(locale, "document.gist.ACCEPTANCE_NOTICE", what),
                List.of(text(locale, "document.recipient.above"), archive(petition, locale)), null, null);
        return document(petition, name, DocumentKind.ACCEPTANCE_NOTICE, issue, body, true, locale);
    }

    private PrintedDocument rejection(PetitionView petition, PetitionRejected rejected, long at, String name,
                                      Locale locale) {
        String what = petitionWords(petition.kind(), locale);
        StringBuilder body = new StringBuilder();
        addressee(body, petition.petitioners(), locale);
        paragraph(body, receivedLine(petition, identityLine(petition.petitioners(), locale), locale));
        paragraph(body, text(locale, "document.rejected.body", what, rejected.legalGround(),
                commune(petition).committee(locale)));
        Issue issue = new Issue(form(petition).number(number(at, "TB", rejected.rejectedOn()), "TB"),
                rejected.rejectedOn(), text(locale, "document.kind.REJECTION_NOTICE"),
                text(locale, "document.gist.REJECTION_NOTICE", what),
                List.of(text(locale, "document.recipient.above"), archive(petition, locale)), null, null);
        return document(petition, name, DocumentKind.REJECTION_NOTICE, issue, body, true, locale);
    }

    /**
     * Addressed to the competent body, not to the petitioner: for a denunciation it names no one (Luật
     * Tố cáo Đ8.3, Đ47), and is then the one document a reader who may not see the denunciator may print.
     */
    private PrintedDocument forwarding(PetitionView petition, PetitionForwarded forwarded, long at, String name,
                                       Locale locale) {
        boolean secret = petition.kind() == PetitionKind.DENUNCIATION;
        String what = petitionWords(petition.kind(), locale);
        String who = secret ? text(locale, "document.denunciator.secret") : names(petition.petitioners(), locale);
        StringBuilder body = new StringBuilder();
        to(body, text(locale, "document.to", forwarded.to()));
        paragraph(body, receivedLine(petition, who, locale));
        paragraph(body, text(locale, "document.forwarded.body", commune(petition).committee(locale), forwarded.reason(),
                forwarded.to()));
        if (secret) {
            paragraph(body, text(locale, "document.forwarded.secret", commune(petition).committee(locale)));
        }
        List<String> recipients = secret
                ? List.of(text(locale, "document.recipient.above"), archive(petition, locale))
                : List.of(text(locale, "document.recipient.above"), text(locale, "document.recipient.informed"),
                        archive(petition, locale));
        Issue issue = new Issue(form(petition).number(number(at, "PC", forwarded.forwardedOn()), "PC"),
                forwarded.forwardedOn(), text(locale, "document.kind.FORWARDING_SLIP"),
                text(locale, "document.gist.FORWARDING_SLIP", what, petition.reference()), recipients, null, null);
        return document(petition, name, DocumentKind.FORWARDING_SLIP, issue, body, !secret, locale);
    }

    private PrintedDocument guidance(PetitionView petition, PetitionerGuided guided, long at, String name,
                                     Locale locale) {
        String what = petitionWords(petition.kind(), locale);
        StringBuilder body = new StringBuilder();
        addressee(body, petition.petitioners(), locale);
        paragraph(body, receivedLine(petition, identityLine(petition.petitioners(), locale), locale));
        paragraph(body, text(locale, "document.guided.body", commune(petition).committee(locale), guided.to()));
        Issue issue = new Issue(form(petition).number(number(at, "HD", guided.guidedOn()), "HD"),
                guided.guidedOn(), text(locale, "document.kind.GUIDANCE_SLIP"),
                text(locale, "document.gist.GUIDANCE_SLIP", what),
                List.of(text(locale, "document.recipient.above"), archive(petition, locale)), null, null);
        return document(petition, name, DocumentKind.GUIDANCE_SLIP, issue, body, true, locale);
    }

    /** The cover of the written answer: a letter (công văn) under the number the answer was recorded with. */
    private PrintedDocument answer(PetitionView petition, PetitionAnswered answered, String name, Locale locale) {
        String what = petitionWords(petition.kind(), locale);
        StringBuilder body = new StringBuilder();
        addressee(body, petition.petitioners(), locale);
        paragraph(body, receivedLine(petition, identityLine(petition.petitioners(), locale), locale));
        paragraph(body, text(locale, "document.answered.body", commune(petition).committee(locale), answered.summary()));
        paragraph(body, text(locale, "document.answered.outro", commune(petition).committee(locale), what,
                petition.reference()));
        Issue issue = new Issue(answered.documentNumber(), answered.answeredOn(), null,
                text(locale, "document.gist.WRITTEN_ANSWER", what, petition.reference()),
                List.of(text(locale, "document.recipient.above"), archive(petition, locale)), null, null);
        return document(petition, name, DocumentKind.WRITTEN_ANSWER, issue, body, true, locale);
    }

    private PrintedDocument document(PetitionView petition, String name, DocumentKind kind, Issue issue,
                                     StringBuilder body, boolean namesPetitioners, Locale locale) {
        String title = (issue.kind() == null ? "" : issue.kind() + ": ") + issue.gist();
        return new PrintedDocument(name, kind, issue.number(), issue.date(), title, namesPetitioners,
                form(petition).document(issue, body.toString(), locale));
    }

    /** The number of a document in its register: its event's place among that register's events of its year. */
    private int number(long globalIndex, String register, LocalDate date) {
        return events.numberInYear(globalIndex, REGISTERS.get(register), date.getYear());
    }

    private static String name(Map<String, Integer> names, DocumentKind kind) {
        int n = names.merge(kind.path(), 1, Integer::sum);
        return n == 1 ? kind.path() : kind.path() + "-" + n;
    }

    private String receivedLine(PetitionView petition, String who, Locale locale) {
        return text(locale, "document.received", day(petition.receivedOn()), commune(petition).committee(locale),
                petitionWords(petition.kind(), locale), petition.reference(), who, petition.summary());
    }

    private void addressee(StringBuilder body, List<Petitioner> petitioners, Locale locale) {
        String names = petitioners.isEmpty() ? text(locale, "document.anonymous")
                : petitioners.stream().map(Petitioner::fullName).collect(Collectors.joining(", "));
        to(body, text(locale, "document.to", names));
    }

    /** The petitioners with their addresses, as a letter to them names them. */
    private String identityLine(List<Petitioner> petitioners, Locale locale) {
        return petitioners.isEmpty() ? text(locale, "document.anonymous") : names(petitioners, locale);
    }

    private String names(List<Petitioner> petitioners, Locale locale) {
        if (petitioners.isEmpty()) {
            return text(locale, "document.anonymous");
        }
        return petitioners.stream()
                .map(p -> p.address() == null || p.address().isBlank() ? p.fullName()
                        : text(locale, "document.petitioner", p.fullName(), p.address()))
                .collect(Collectors.joining("; "));
    }

    /** Each person received, in full: the record is made with them and kept in their file. */
    private void identities(StringBuilder body, List<Petitioner> petitioners, Locale locale) {
        if (petitioners.isEmpty()) {
            flat(body, "- " + text(locale, "document.anonymous"));
        }
        for (Petitioner p : petitioners) {
            StringBuilder line = new StringBuilder("- ").append(p.fullName());
            if (p.address() != null && !p.address().isBlank()) {
                line.append("; ").append(text(locale, "document.identity.address", p.address()));
            }
            if (p.idNumber() != null && !p.idNumber().isBlank()) {
                line.append("; ").append(text(locale, "document.identity.id", p.idNumber()));
            }
            if (p.phone() != null && !p.phone().isBlank()) {
                line.append("; ").append(text(locale, "document.identity.phone", p.phone()));
            }
            flat(body, line.toString());
        }
    }

    private String archive(PetitionView petition, Locale locale) {
        return text(locale, "document.recipient.archive", petition.reference());
    }

    private String petitionWords(PetitionKind kind, Locale locale) {
        return text(locale, "document.petition." + kind);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return form.text(key, locale, arguments);
    }

    private static String day(LocalDate date) {
        return date.format(DAY);
    }

    private static void paragraph(StringBuilder body, String text) {
        body.append("<p>").append(escape(text)).append("</p>");
    }

    private static void flat(StringBuilder body, String text) {
        body.append("<p class=\"flat\">").append(escape(text)).append("</p>");
    }

    private static void to(StringBuilder body, String text) {
        body.append("<p class=\"to\">").append(escape(text)).append("</p>");
    }
}
