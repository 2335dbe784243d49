package vn.commune.petition.domain.petition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.commune.petition.domain.petition.PetitionRule.DATE_BEFORE_PREVIOUS_STEP;
import static vn.commune.petition.domain.petition.PetitionRule.DATE_IN_FUTURE;
import static vn.commune.petition.domain.petition.PetitionRule.EXTENSION_TOO_LONG;
import static vn.commune.petition.domain.petition.PetitionRule.PETITION_CLOSED;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.commune.petition.domain.deadline.DeadlinePolicies;
import vn.commune.petition.domain.deadline.DeadlinePolicy;
import vn.commune.petition.domain.deadline.ExtensionLimit;
import vn.commune.petition.domain.law.LawVersion;

/**
 * Đơn thư: one citizen petition, from receipt to closure. Command handlers check the rules of
 * PRODUCT.md and apply an event; event-sourcing handlers only assign state. The deadlines come
 * from the policy of the petition's commune ({@link DeadlinePolicies}, a resource; the commune is the
 * one its receipt's metadata names, none for a petition received before communes were recorded) and
 * are recorded in the events with the rules' version.
 */
public class Petition {

    @AggregateIdentifier
    private String petitionId;
    /** The commune its receipt's metadata names; null for none (the configured commune). */
    private String commune;
    private PetitionStatus status;
    private PetitionKind kind;
    private LocalDate lastStepOn;
    private MediationOutcome lastMediation;
    private LocalDate dueOn;
    private ExtensionLimit extensionLimit;
    private int extensions;
    private int documentsHandedOver;
    private LocalDate suspendedOn;
    private final Set<String> partsWithdrawn = new HashSet<>();

    /** For Axon, which rebuilds the petition from its events. */
    protected Petition() {
    }

    @CommandHandler
    public Petition(ReceivePetition command, @MetaDataValue(DeadlinePolicies.COMMUNE) String commune,
                    DeadlinePolicies deadlines) {
        requireNotInFuture(command.receivedOn(), command.today());
        DeadlinePolicy.Due due = deadlines.of(commune).handling(command.kind(), command.receivedOn());
        // The commune goes on the event itself, not only by correlation, so that this handler's own
        // event-sourcing handler already knows it.
        apply(new PetitionReceived(command.petitionId(), command.reference(), command.receivedOn(),
                command.channel(), command.kind(), command.field(), command.summary(),
                command.petitioners(), command.ward(), command.sessionId(), due.dueOn(), due.rules(),
                command.handedOver(), command.lookupCodeHash(), command.appointmentOn()),
                commune == null ? MetaData.emptyInstance() : MetaData.with(DeadlinePolicies.COMMUNE, commune));
    }

    @CommandHandler
    public void handle(AcceptPetition command, DeadlinePolicies policies) {
        require(PetitionStep.ACCEPT, command.acceptedOn(), command.today());
        DeadlinePolicy deadlines = policies.of(commune);
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
    public void handle(ExtendDeadline command, DeadlinePolicies deadlines) {
        require(PetitionStep.EXTEND_DEADLINE, command.extendedOn(), command.today());
        if (command.days() > extensionLimit.maxDays()) {
            throw new PetitionRuleViolation(EXTENSION_TOO_LONG);
        }
        apply(new DeadlineExtended(petitionId, command.extendedOn(), command.days(), command.reason(),
                extensions + 1, deadlines.of(commune).extend(dueOn, command.days())));
    }

    @CommandHandler
    public void handle(AnswerInWriting command) {
        require(PetitionStep.ANSWER_IN_WRITING, command.answeredOn(), command.today());
        apply(new PetitionAnswered(petitionId, command.answeredOn(), command.documentNumber(), command.summary()));
    }

    @CommandHandler
    public void handle(EscalatePetition command) {
        require(PetitionStep.ESCALATE, command.escalatedOn(), command.today());
        boolean twoTier = LawVersion.TWO_TIER_2025.inForceOn(command.escalatedOn());
        if (twoTier && (command.level() == null || command.level() == EscalationLevel.DISTRICT)) {
            throw new PetitionRuleViolation(PetitionRule.ESCALATION_LEVEL_REQUIRED);
        }
        apply(new PetitionEscalated(petitionId, command.escalatedOn(), command.level(), command.to(), command.reason()));
    }

    @CommandHandler
    public void handle(WithdrawPetition command) {
        require(PetitionStep.WITHDRAW, command.withdrawnOn(), command.today());
        apply(new PetitionWithdrawn(petitionId, command.withdrawnOn(), command.reason()));
    }

    @CommandHandler
    public void handle(SuspendResolution command) {
        require(PetitionStep.SUSPEND, command.suspendedOn(), command.today());
        apply(new ResolutionSuspended(petitionId, command.suspendedOn(), command.reason()));
    }

    /** The days from the suspension to the resumption do not count: the deadline moves by them. */
    @CommandHandler
    public void handle(ResumeResolution command, DeadlinePolicies deadlines) {
        require(PetitionStep.RESUME, command.resumedOn(), command.today());
        int days = Math.toIntExact(ChronoUnit.DAYS.between(suspendedOn, command.resumedOn()));
        apply(new ResolutionResumed(petitionId, command.resumedOn(), days,
                deadlines.of(commune).extend(dueOn, days)));
    }

    @CommandHandler
    public void handle(TerminateResolution command) {
        require(PetitionStep.TERMINATE, command.terminatedOn(), command.today());
        apply(new ResolutionTerminated(petitionId, command.terminatedOn(), command.legalGround()));
    }

    @CommandHandler
    public void handle(WithdrawPart command) {
        require(PetitionStep.WITHDRAW_PART, command.withdrawnOn(), command.today());
        if (partsWithdrawn.contains(part(command.content()))) {
            throw new PetitionRuleViolation(PetitionRule.PART_ALREADY_WITHDRAWN);
        }
        apply(new PartWithdrawn(petitionId, command.withdrawnOn(), command.content(), command.reason()));
    }

    /** A withdrawn part as compared: its words, in lower case, whatever the spaces between them. */
    private static String part(String content) {
        return String.join(" ", content.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }

    /** A new lookup code of the petition's life, open or closed: a citizen may ask after it is closed. */
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
        step.refusal(standing()).or(() -> step.refusalOn(on)).ifPresent(rule -> {
            throw new PetitionRuleViolation(rule);
        });
    }

    /** Where this petition stands now. */
    private PetitionStanding standing() {
        return new PetitionStanding(kind, status, lastMediation,
                extensionLimit == null ? 0 : extensionLimit.times() - extensions);
    }

    private static void requireNotInFuture(LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            throw new PetitionRuleViolation(DATE_IN_FUTURE);
        }
    }

    @EventSourcingHandler
    void on(PetitionReceived event, @MetaDataValue(DeadlinePolicies.COMMUNE) String commune) {
        petitionId = event.petitionId();
        this.commune = commune;
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
    void on(ResolutionSuspended event) {
        status = PetitionStatus.SUSPENDED;
        suspendedOn = event.suspendedOn();
        lastStepOn = event.suspendedOn();
    }

    @EventSourcingHandler
    void on(ResolutionResumed event) {
        status = PetitionStatus.ACCEPTED;
        suspendedOn = null;
        dueOn = event.dueOn();
        lastStepOn = event.resumedOn();
    }

    @EventSourcingHandler
    void on(PartWithdrawn event) {
        partsWithdrawn.add(part(event.content()));
        lastStepOn = event.withdrawnOn();
    }

    @EventSourcingHandler
    void on(PetitionClosed event) {
        status = event.closedAs();
        lastStepOn = event.occurredOn();
    }
}
