package vn.commune.petition.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.petition.AdvisoryCouncilConsulted;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.DeadlineExtended;
import vn.commune.petition.domain.petition.DialogueHeld;
import vn.commune.petition.domain.petition.EscalationLevel;
import vn.commune.petition.domain.petition.HandedOverDocument;
import vn.commune.petition.domain.petition.LookupCodeReplaced;
import vn.commune.petition.domain.petition.MediationFailed;
import vn.commune.petition.domain.petition.MediationSucceeded;
import vn.commune.petition.domain.petition.PartWithdrawn;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionAnswered;
import vn.commune.petition.domain.petition.PetitionArchived;
import vn.commune.petition.domain.petition.PetitionEscalated;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionForwarded;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.PetitionRejected;
import vn.commune.petition.domain.petition.PetitionWithdrawn;
import vn.commune.petition.domain.petition.Petitioner;
import vn.commune.petition.domain.petition.PetitionerGuided;
import vn.commune.petition.domain.petition.ResolutionResumed;
import vn.commune.petition.domain.petition.ResolutionSuspended;
import vn.commune.petition.domain.petition.ResolutionTerminated;
import vn.commune.petition.domain.petition.ScanAttached;

/**
 * The event store and the audit chain hold each petition event as the bytes Jackson wrote: a method
 * added to an event (such as those of its interfaces) must not add a property, or new events would
 * hash differently from old ones of the same shape. Each payload is pinned here byte for byte, as the
 * event store writes it, and reads back as the same event.
 */
@PetitionServiceTest
class StoredPetitionEventsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 7);

    /** A receipt as stored before receipts listed what was handed over and had a lookup code. */
    private static final String RECEIVED_2024_SHAPE = "{\"petitionId\":\"p-1\",\"reference\":\"2024-0001\","
            + "\"receivedOn\":\"2024-03-07\",\"channel\":\"RECEPTION_SESSION\",\"kind\":\"COMPLAINT\","
            + "\"field\":\"Đất đai\",\"summary\":\"Tranh chấp ranh giới\",\"petitioners\":[{\"fullName\":"
            + "\"Nguyễn Văn Ánh\",\"address\":\"Khu 3\",\"idNumber\":\"001088000123\",\"phone\":null}],"
            + "\"ward\":\"Khu 3\",\"sessionId\":\"s-1\",\"handlingDueOn\":\"2024-03-17\",\"deadlineRules\":\"VN-2019\"}";

    private static final Map<PetitionEvent, String> PAYLOADS = payloads();

    private static Map<PetitionEvent, String> payloads() {
        Map<PetitionEvent, String> payloads = new LinkedHashMap<>();
        payloads.put(new PetitionReceived("p-1", "2024-0001", DAY, Channel.RECEPTION_SESSION, PetitionKind.COMPLAINT,
                        "Đất đai", "Tranh chấp ranh giới", List.of(new Petitioner("Nguyễn Văn Ánh", "Khu 3",
                                "001088000123", null)), "Khu 3", "s-1", DAY.plusDays(10), "VN-2019",
                        List.of(new HandedOverDocument("Sổ đỏ", 2, false)), "sha256:ab12", DAY.plusDays(7)),
                RECEIVED_2024_SHAPE.substring(0, RECEIVED_2024_SHAPE.length() - 1)
                        + ",\"handedOver\":[{\"title\":\"Sổ đỏ\",\"pages\":2,\"original\":false}],"
                        + "\"lookupCodeHash\":\"sha256:ab12\",\"appointmentOn\":\"2024-03-14\"}");
        payloads.put(new LookupCodeReplaced("p-1", DAY, "sha256:cd34"),
                "{\"petitionId\":\"p-1\",\"replacedOn\":\"2024-03-07\",\"lookupCodeHash\":\"sha256:cd34\"}");
        payloads.put(new ScanAttached("p-1", DAY, 1, "application/pdf", 2048, "ef56"),
                "{\"petitionId\":\"p-1\",\"attachedOn\":\"2024-03-07\",\"document\":1,"
                        + "\"contentType\":\"application/pdf\",\"size\":2048,\"sha256\":\"ef56\"}");
        payloads.put(new PetitionAccepted("p-1", DAY, PetitionKind.DENUNCIATION, Complexity.COMPLEX, DAY.plusDays(30),
                        "VN-2019", 1, 30),
                "{\"petitionId\":\"p-1\",\"acceptedOn\":\"2024-03-07\",\"kind\":\"DENUNCIATION\","
                        + "\"complexity\":\"COMPLEX\",\"dueOn\":\"2024-04-06\",\"deadlineRules\":\"VN-2019\","
                        + "\"extensionsAllowed\":1,\"maxExtensionDays\":30}");
        payloads.put(new DeadlineExtended("p-1", DAY, 15, "Phức tạp", 1, DAY.plusDays(45)),
                "{\"petitionId\":\"p-1\",\"extendedOn\":\"2024-03-07\",\"days\":15,\"reason\":\"Phức tạp\","
                        + "\"extensionNumber\":1,\"dueOn\":\"2024-04-21\"}");
        payloads.put(new MediationSucceeded("p-1", DAY, "BB-01", "Thống nhất"),
                "{\"petitionId\":\"p-1\",\"heldOn\":\"2024-03-07\",\"minutesRef\":\"BB-01\",\"notes\":\"Thống nhất\"}");
        payloads.put(new MediationFailed("p-1", DAY, "BB-02", null),
                "{\"petitionId\":\"p-1\",\"heldOn\":\"2024-03-07\",\"minutesRef\":\"BB-02\",\"notes\":null}");
        payloads.put(new DialogueHeld("p-1", DAY, "BB-03"),
                "{\"petitionId\":\"p-1\",\"heldOn\":\"2024-03-07\",\"minutesRef\":\"BB-03\"}");
        payloads.put(new AdvisoryCouncilConsulted("p-1", DAY, "BB-04"),
                "{\"petitionId\":\"p-1\",\"heldOn\":\"2024-03-07\",\"minutesRef\":\"BB-04\"}");
        payloads.put(new PetitionAnswered("p-1", DAY, "12/UBND", "Trả lời"),
                "{\"petitionId\":\"p-1\",\"answeredOn\":\"2024-03-07\",\"documentNumber\":\"12/UBND\","
                        + "\"summary\":\"Trả lời\"}");
        payloads.put(new PetitionEscalated("p-1", DAY, EscalationLevel.PROVINCIAL_CHAIR, "Chủ tịch UBND tỉnh",
                        "Hòa giải không thành"),
                "{\"petitionId\":\"p-1\",\"escalatedOn\":\"2024-03-07\",\"level\":\"PROVINCIAL_CHAIR\","
                        + "\"to\":\"Chủ tịch UBND tỉnh\",\"reason\":\"Hòa giải không thành\"}");
        payloads.put(new ResolutionSuspended("p-1", DAY, "Chờ giám định"),
                "{\"petitionId\":\"p-1\",\"suspendedOn\":\"2024-03-07\",\"reason\":\"Chờ giám định\"}");
        payloads.put(new ResolutionResumed("p-1", DAY, 10, DAY.plusDays(40)),
                "{\"petitionId\":\"p-1\",\"resumedOn\":\"2024-03-07\",\"daysSuspended\":10,"
                        + "\"dueOn\":\"2024-04-16\"}");
        payloads.put(new ResolutionTerminated("p-1", DAY, "Điều 11a"),
                "{\"petitionId\":\"p-1\",\"terminatedOn\":\"2024-03-07\",\"legalGround\":\"Điều 11a\"}");
        payloads.put(new PartWithdrawn("p-1", DAY, "Yêu cầu bồi thường", null),
                "{\"petitionId\":\"p-1\",\"withdrawnOn\":\"2024-03-07\",\"content\":\"Yêu cầu bồi thường\","
                        + "\"reason\":null}");
        payloads.put(new PetitionForwarded("p-1", DAY, "Công an huyện", "Không thuộc thẩm quyền"),
                "{\"petitionId\":\"p-1\",\"forwardedOn\":\"2024-03-07\",\"to\":\"Công an huyện\","
                        + "\"reason\":\"Không thuộc thẩm quyền\"}");
        payloads.put(new PetitionerGuided("p-1", DAY, "Tòa án nhân dân huyện"),
                "{\"petitionId\":\"p-1\",\"guidedOn\":\"2024-03-07\",\"to\":\"Tòa án nhân dân huyện\"}");
        payloads.put(new PetitionRejected("p-1", DAY, "Khoản 1 Điều 11"),
                "{\"petitionId\":\"p-1\",\"rejectedOn\":\"2024-03-07\",\"legalGround\":\"Khoản 1 Điều 11\"}");
        payloads.put(new PetitionArchived("p-1", DAY, "Đơn trùng"),
                "{\"petitionId\":\"p-1\",\"archivedOn\":\"2024-03-07\",\"reason\":\"Đơn trùng\"}");
        payloads.put(new PetitionWithdrawn("p-1", DAY, "Công dân rút đơn"),
                "{\"petitionId\":\"p-1\",\"withdrawnOn\":\"2024-03-07\",\"reason\":\"Công dân rút đơn\"}");
        return payloads;
    }

    @Autowired
    Configuration axon;

    @Test
    void every_type_of_petition_event_is_pinned() {
        assertThat(PAYLOADS.keySet().stream().<Class<?>>map(Object::getClass))
                .containsExactlyInAnyOrderElementsOf(PetitionEvent.types());
    }

    @Test
    void each_petition_event_is_stored_as_the_same_bytes_and_reads_back_as_the_same_event() {
        Serializer stored = axon.eventSerializer();
        PAYLOADS.forEach((event, payload) -> {
            SerializedObject<byte[]> bytes = stored.serialize(event, byte[].class);
            assertThat(new String(bytes.getData(), StandardCharsets.UTF_8))
                    .as(event.getClass().getSimpleName()).isEqualTo(payload);
            assertThat(bytes.getType().getName()).isEqualTo(event.getClass().getName());
            assertThat((Object) stored.deserialize(bytes)).isEqualTo(event);
        });
    }

    /** An escalation stored in 2024, to a district, before levels were recorded, reads with no level. */
    @Test
    void an_escalation_stored_in_its_2024_shape_reads_with_no_level() {
        Object read = axon.eventSerializer().deserialize(new SimpleSerializedObject<>(
                ("{\"petitionId\":\"p-1\",\"escalatedOn\":\"2024-03-07\",\"to\":\"UBND huyện\","
                        + "\"reason\":\"Hòa giải không thành\"}").getBytes(StandardCharsets.UTF_8), byte[].class,
                PetitionEscalated.class.getName(), null));
        assertThat(read).isEqualTo(new PetitionEscalated("p-1", DAY, null, "UBND huyện", "Hòa giải không thành"));
    }

    /** A receipt stored before the two fields existed reads as having nothing handed over and no code. */
    @Test
    void a_receipt_stored_in_its_2024_shape_still_reads() {
        Object read = axon.eventSerializer().deserialize(new SimpleSerializedObject<>(
                RECEIVED_2024_SHAPE.getBytes(StandardCharsets.UTF_8), byte[].class, PetitionReceived.class.getName(), null));
        assertThat(read).isInstanceOf(PetitionReceived.class);
        assertThat(((PetitionReceived) read).handedOver()).isEmpty();
        assertThat(((PetitionReceived) read).lookupCodeHash()).isNull();
        assertThat(((PetitionReceived) read).appointmentOn()).isNull();
        assertThat(((PetitionReceived) read).reference()).isEqualTo("2024-0001");
    }

    /** The web's mapper refuses a property it does not know; the event store's must not. */
    @Test
    void a_stored_event_with_a_property_this_version_does_not_know_still_reads() {
        String payload = "{\"petitionId\":\"p-1\",\"archivedOn\":\"2024-03-07\",\"reason\":\"Đơn trùng\","
                + "\"archivedBy\":\"a later version\"}";
        Object read = axon.eventSerializer().deserialize(new SimpleSerializedObject<>(
                payload.getBytes(StandardCharsets.UTF_8), byte[].class, PetitionArchived.class.getName(), null));
        assertThat(read).isEqualTo(new PetitionArchived("p-1", DAY, "Đơn trùng"));
    }
}
