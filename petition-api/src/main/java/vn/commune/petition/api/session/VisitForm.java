package vn.commune.petition.api.session;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.commune.petition.api.petition.HandedOverRequest;
import vn.commune.petition.api.petition.HandedOverRows;
import vn.commune.petition.api.petition.PetitionerRequest;
import vn.commune.petition.api.petition.PetitionerRows;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.session.RefusalGround;
import vn.commune.petition.domain.session.VisitOutcome;

/**
 * The session desk's one form for a visit, as the officer types it: the visit and, when its
 * outcome is a received petition, that petition's field, ward and petitioners (its kind and summary
 * are the visit's). It makes the API's {@link LogVisitRequest}: the representatives only for a group,
 * the petition only when one was received, the legal ground only for a refusal, whatever else the
 * form sent (without JavaScript every part of the form is sent). What the citizen handed over goes
 * with the petition, in rows of which the blank ones are none. Who came (name, address, ID number)
 * is typed in flat; all three blank is no visitor.
 */
record VisitForm(
        Integer people,
        Boolean group,
        Integer representatives,
        Boolean repeat,
        PetitionKind kind,
        String summary,
        VisitOutcome outcome,
        RefusalGround legalGround,
        String field,
        String ward,
        List<PetitionerRequest> petitioners,
        List<HandedOverRequest> handedOver,
        LocalDate appointmentOn,
        String visitorFullName,
        String visitorAddress,
        String visitorIdNumber) {

    VisitForm {
        petitioners = PetitionerRows.padded(petitioners);
        handedOver = HandedOverRows.padded(handedOver);
    }

    /** The form for the next citizen: one person, a first visit, nothing else chosen. */
    static VisitForm blank() {
        return new VisitForm(1, false, null, false, null, "", null, null, "", "", List.of(), List.of(), null, "", "",
                "");
    }

    LogVisitRequest request() {
        boolean isGroup = Boolean.TRUE.equals(group);
        VisitPetitionRequest petition = outcome == VisitOutcome.PETITION_RECEIVED
                ? new VisitPetitionRequest(kind, field, summary, PetitionerRows.filled(petitioners),
                        PetitionerRows.orNull(ward), HandedOverRows.filled(handedOver), appointmentOn)
                : null;
        return new LogVisitRequest(people, isGroup, isGroup ? representatives : null, Boolean.TRUE.equals(repeat),
                kind, summary, outcome, petition, outcome == VisitOutcome.REFUSED ? legalGround : null, visitor());
    }

    /** Who came, or null when all three fields are blank. */
    private VisitorRequest visitor() {
        if (blank(visitorFullName) && blank(visitorAddress) && blank(visitorIdNumber)) {
            return null;
        }
        return new VisitorRequest(trimmed(visitorFullName), trimmed(visitorAddress), trimmed(visitorIdNumber));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimmed(String text) {
        return text == null ? null : text.strip();
    }

    /** The form's field for a field of the request: the petition's fields are typed in flat, beside the visit's. */
    UnaryOperator<String> fields() {
        UnaryOperator<String> rows = PetitionerRows.fieldsOf(petitioners);
        UnaryOperator<String> documents = HandedOverRows.fieldsOf(handedOver);
        return path -> switch (path) {
            case "legalGroundGivenWhenRefused" -> "legalGround";
            case "petitionGivenWhenReceived" -> "outcome";
            case "petition.appointmentOnAfterReceipt" -> "appointmentOn";
            case "visitor.fullName" -> "visitorFullName";
            case "visitor.address" -> "visitorAddress";
            case "visitor.idNumber" -> "visitorIdNumber";
            default -> {
                String field = path.startsWith("petition.") ? path.substring("petition.".length()) : path;
                yield field.startsWith("handedOver[") ? documents.apply(field) : rows.apply(field);
            }
        };
    }
}
