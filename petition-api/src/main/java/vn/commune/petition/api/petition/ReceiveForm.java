package vn.commune.petition.api.petition;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.PetitionKind;

/**
 * The form that receives a petition that came by post, online, to the mailbox or forwarded (not at
 * a session, whose desk receives its own): the API's {@link ReceivePetitionRequest} as typed in,
 * with a fixed number of petitioner rows of which the blank ones are dropped.
 */
record ReceiveForm(
        LocalDate receivedOn,
        Channel channel,
        PetitionKind kind,
        String field,
        String summary,
        String ward,
        List<PetitionerRequest> petitioners,
        List<HandedOverRequest> handedOver,
        LocalDate appointmentOn) {

    /** The channels this form offers: every one but the reception session's. */
    static final List<Channel> CHANNELS = List.of(Channel.POST, Channel.ONLINE, Channel.MAILBOX, Channel.FORWARDED,
            Channel.IN_PERSON);

    ReceiveForm {
        petitioners = PetitionerRows.padded(petitioners);
        handedOver = HandedOverRows.padded(handedOver);
    }

    /** An empty form, received today by post. */
    static ReceiveForm blank(LocalDate today) {
        return new ReceiveForm(today, Channel.POST, null, "", "", "", List.of(), List.of(), null);
    }

    ReceivePetitionRequest request() {
        return new ReceivePetitionRequest(receivedOn, channel, kind, field, summary,
                PetitionerRows.filled(petitioners), PetitionerRows.orNull(ward), null, HandedOverRows.filled(handedOver),
                appointmentOn);
    }

    /** The form's field for a field of the request: the n-th petitioner or document is the n-th filled row. */
    UnaryOperator<String> fields() {
        UnaryOperator<String> people = PetitionerRows.fieldsOf(petitioners);
        UnaryOperator<String> documents = HandedOverRows.fieldsOf(handedOver);
        return path -> path.equals("appointmentOnAfterReceipt") ? "appointmentOn"
                : path.startsWith("handedOver[") ? documents.apply(path) : people.apply(path);
    }
}
