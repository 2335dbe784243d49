package vn.commune.petition.domain.petition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.commune.petition.domain.petition.PetitionRule.DATE_BEFORE_PREVIOUS_STEP;
import static vn.commune.petition.domain.petition.PetitionRule.DATE_IN_FUTURE;
import static vn.commune.petition.domain.petition.PetitionRule.EXTENSION_TOO_LONG;
import static vn.commune.petition.domain.petition.PetitionRule.PETITION_CLOSED;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.commune.petition.domain.deadline.DeadlinePolicy;
import vn.commune.petition.domain.deadline.ExtensionLimit;

/**
 * Đơn thư: one citizen petition, from receipt to closure. Command handlers check the rules of
 * PRODUCT.md and apply an event; event-sourcing handlers only assign state. The deadlines come
 * from the {@link DeadlinePolicy} resource and are recorded in the events with the rules' version.
 */
public class Petition {

    @AggregateIdentifier
    private String petitionId;
    private PetitionStatus status;
    private PetitionKind kind;
    private LocalDate lastStepOn;
    private MediationOutcome lastMediation;
    private LocalDate dueOn;
    private ExtensionLimit extensionLimit;
    private int extensions;
    private int documentsHandedOver;

    /** For Axon, which rebuilds the petition from its events. */
    protected Petition() {
    }

    @CommandHandler
    public Petition(ReceivePetition command, DeadlinePolicy deadlines) {
        requireNotInFuture(command.receivedOn(), command.today());
        DeadlinePolicy.Due due = deadlines.handling(command.kind(), command.receivedOn());
        apply(new PetitionReceived(command.petitionId(), command.reference(), command.receivedOn(),
                command.channel(), command.kind(), command.field(), command.summary(),
                command.petitioners(), command.ward(), command.sessionId(), due.dueOn(), due.rules(),
                command.handedOver(), command.lookupCodeHash(), command.appointmentOn()));
    }

    @CommandHandler
    public void handle(AcceptPetition command, DeadlinePolicy deadlines) {
        require(PetitionStep.ACCEPT, command.acceptedOn(), command.today());
        DeadlinePolicy.Due due = deadlines.resolution(kind, command.complexity(), command.acceptedOn());
        ExtensionLimit limit = deadlines.extensions(due.rules(), kind, command.complexity());
        apply(new PetitionAccepted(petitionId, command.acceptedOn(), kind, command.complexity(), due.dueOn(),
                due.rules(), limit.times(), limit.maxDays()));
    }

    @CommandHandler
    public void handle(ForwardPetition command) {
        require(PetitionStep.FORWARD, command.forwardedOn(), command.today());
        apply(new PetitionForwarded(petitionId, command.forwardedOn(), command.to(), command.reason()));
    }

    @CommandHandler
    public void handle(GuidePetitioner command) {
        require(PetitionStep.GUIDE, command.guidedOn(), command.today());
        apply(new PetitionerGuided(petitionId, command.guidedOn(), command.to()));
    }

    @CommandHandler
    public void handle(RejectPetition command) {
        require(PetitionStep.REJECT, command.rejectedOn(), command.today());
        apply(new PetitionRejected(petitionId, command.rejectedOn(), command.legalGround()));
    }

    @CommandHandler
    public void handle(ArchivePetition command) {
        require(PetitionStep.ARCHIVE, command.archivedOn(), command.today());
        apply(new PetitionArchived(petitionId, command.archivedOn(), command.reason()));
    }

    @CommandHandler
    public void handle(RecordMediation command) {
        require(PetitionStep.MEDIATE, command.heldOn(), command.today());
        if (command.outcome() == MediationOutcome.SUCCEEDED) {
            apply(new MediationSucceeded(petitionId, command.heldOn(), command.minutesRef(), command.notes()));
        } else {
            apply(new MediationFailed(petitionId, command.heldOn(), command.minutesRef(), command.notes()));
        }
    }

    @CommandHandler
    public void handle(HoldDialogue command) {
        require(PetitionStep.HOLD_DIALOGUE, command.heldOn(), command.today());
        apply(new DialogueHeld(petitionId, command.heldOn(), command.minutesRef()));
    }

    @CommandHandler
    public void handle(ConsultAdvisoryCouncil command) {
        require(PetitionStep.CONSULT_ADVISORY_COUNCIL, command.heldOn(), command.today());
        apply(new AdvisoryCouncilConsulted(petitionId, command.heldOn(), command.minutesRef()));
    }

    @CommandHandler
    public void handle(ExtendDeadline command, DeadlinePolicy deadlines) {
        require(PetitionStep.EXTEND_DEADLINE, command.extendedOn(), command.today());
        if (command.days() > extensionLimit.maxDays()) {
            throw new PetitionRuleViolation(EXTENSION_TOO_LONG);
        }
        apply(new DeadlineExtended(petitionId, command.extendedOn(), command.days(), command.reason(),
                extensions + 1, deadlines.extend(dueOn, command.days())));
    }

    @CommandHandler
    public void handle(AnswerInWriting command) {
        require(PetitionStep.ANSWER_IN_WRITING, command.answeredOn(), command.today());
        apply(new PetitionAnswered(petitionId, command.answeredOn(), command.documentNumber(), command.summary()));
    }

    @CommandHandler
    public void handle(EscalatePetition command) {
        require(PetitionStep.ESCALATE, command.escalatedOn(), command.today());
        apply(new PetitionEscalated(petitionId, command.escalatedOn(), command.to(), command.reason()));
    }

    @CommandHandler
    public void handle(WithdrawPetition command) {
        require(PetitionStep.WITHDRAW, command.withdrawnOn(), command.today());
        apply(new PetitionWithdrawn(petitionId, command.withdrawnOn(), command.reason()));
    }

    /** A new lookup code, on any day of the petition's life, open or closed: a citizen may ask after it is closed. */
    @CommandHandler
    public void handle(ReplaceLookupCode command) {
        apply(new LookupCodeReplaced(petitionId, command.today(), command.lookupCodeHash()));
    }

    /** A scan of a document the receipt lists, on any day of the petition's life. */
    @CommandHandler
    public void handle(AttachScan command) {
        if (command.document() < 1 || command.document() > documentsHandedOver) {
            throw new PetitionRuleViolation(PetitionRule.NO_SUCH_DOCUMENT);
        }
        apply(new ScanAttached(petitionId, command.today(), command.document(), command.contentType(), command.size(),
                command.sha256()));
    }

    /**
     * The rules of {@code step} dated {@code on}: a closed petition takes none; the date is neither in
     * the future nor before the previous step; then whatever the step requires of where the petition
     * stands (PetitionStep#refusal).
     */
    private void require(PetitionStep step, LocalDate on, LocalDate today) {
        if (status.closed()) {
            throw new PetitionRuleViolation(PETITION_CLOSED);
        }
        requireNotInFuture(on, today);
        if (on.isBefore(lastStepOn)) {
            throw new PetitionRuleViolation(DATE_BEFORE_PREVIOUS_STEP);
        }
        step.refusal(standing()).ifPresent(rule -> {
            throw new PetitionRuleViolation(rule);
        });
    }

    /** Where this petition stands now. */
    private PetitionStanding standing() {
        return new PetitionStanding(status, lastMediation,
                extensionLimit == null ? 0 : extensionLimit.times() - extensions);
    }

    private static void requireNotInFuture(LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            throw new PetitionRuleViolation(DATE_IN_FUTURE);
        }
    }

    @EventSourcingHandler
    void on(PetitionReceived event) {
        petitionId = event.petitionId();
        kind = event.kind();
        status = PetitionStatus.RECEIVED;
        lastStepOn = event.receivedOn();
        dueOn = event.handlingDueOn();
        documentsHandedOver = event.handedOver().size();
    }

    @EventSourcingHandler
    void on(PetitionAccepted event) {
        status = PetitionStatus.ACCEPTED;
        extensionLimit = new ExtensionLimit(event.extensionsAllowed(), event.maxExtensionDays());
        dueOn = event.dueOn();
        lastStepOn = event.acceptedOn();
    }

    @EventSourcingHandler
    void on(MediationSucceeded event) {
        lastMediation = MediationOutcome.SUCCEEDED;
        lastStepOn = event.heldOn();
    }

    @EventSourcingHandler
    void on(MediationFailed event) {
        lastMediation = MediationOutcome.FAILED;
        lastStepOn = event.heldOn();
    }

    @EventSourcingHandler
    void on(DialogueHeld event) {
        lastStepOn = event.heldOn();
    }

    @EventSourcingHandler
    void on(AdvisoryCouncilConsulted event) {
        lastStepOn = event.heldOn();
    }

    @EventSourcingHandler
    void on(DeadlineExtended event) {
        extensions = event.extensionNumber();
        dueOn = event.dueOn();
        lastStepOn = event.extendedOn();
    }

    @EventSourcingHandler
    void on(PetitionClosed event) {
        status = event.closedAs();
        lastStepOn = event.occurredOn();
    }
}
