package vn.commune.petition.domain.dossier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.commune.petition.domain.deadline.DeadlinePolicies;

/**
 * Hồ sơ thủ tục hành chính: one dossier at the one-stop desk. Returned for completion, its clock
 * stops; resubmitted, it restarts from zero with the same number of working days it had at first
 * (Nghị định 61/2018 Đ19). Its working days are those of its commune's calendar (DeadlinePolicies),
 * the commune its receipt's metadata names.
 */
public class Dossier {

    @AggregateIdentifier
    private String dossierId;
    /** The commune its receipt's metadata names; null for none (the configured commune). */
    private String commune;
    private LocalDate lastStepOn;
    private LocalDate dueOn;
    private int workingDaysAllowed;
    private boolean returned;
    private boolean resolved;

    /** For Axon. */
    protected Dossier() {
    }

    @CommandHandler
    public Dossier(ReceiveDossier command, @MetaDataValue(DeadlinePolicies.COMMUNE) String commune,
                   DeadlinePolicies deadlines) {
        if (command.receivedOn().isAfter(command.today())) {
            throw new DossierRuleViolation(DossierRule.DATE_IN_FUTURE);
        }
        if (command.dueOn().isBefore(command.receivedOn())) {
            throw new DossierRuleViolation(DossierRule.DUE_BEFORE_RECEIPT);
        }
        apply(new DossierReceived(command.dossierId(), command.code(), command.field(), command.channel(),
                command.receivedOn(), command.dueOn(),
                deadlines.of(commune).workingDaysLate(command.receivedOn(), command.dueOn())),
                commune == null ? MetaData.emptyInstance() : MetaData.with(DeadlinePolicies.COMMUNE, commune));
    }

    @CommandHandler
    public void handle(ReturnDossierForCompletion command) {
        requireOpen(command.returnedOn(), command.today());
        if (returned) {
            throw new DossierRuleViolation(DossierRule.AWAITING_COMPLETION);
        }
        apply(new DossierReturnedForCompletion(dossierId, command.returnedOn()));
    }

    @CommandHandler
    public void handle(ResubmitDossier command, DeadlinePolicies deadlines) {
        requireOpen(command.resubmittedOn(), command.today());
        if (!returned) {
            throw new DossierRuleViolation(DossierRule.NOT_RETURNED);
        }
        apply(new DossierResubmitted(dossierId, command.resubmittedOn(),
                deadlines.of(commune).workingDaysAfter(command.resubmittedOn(), workingDaysAllowed)));
    }

    @CommandHandler
    public void handle(ResolveDossier command) {
        requireOpen(command.resolvedOn(), command.today());
        if (returned) {
            throw new DossierRuleViolation(DossierRule.AWAITING_COMPLETION);
        }
        apply(new DossierResolved(dossierId, command.resolvedOn(), dueOn));
    }

    private void requireOpen(LocalDate on, LocalDate today) {
        if (resolved) {
            throw new DossierRuleViolation(DossierRule.DOSSIER_RESOLVED);
        }
        if (on.isAfter(today)) {
            throw new DossierRuleViolation(DossierRule.DATE_IN_FUTURE);
        }
        if (on.isBefore(lastStepOn)) {
            throw new DossierRuleViolation(DossierRule.DATE_BEFORE_PREVIOUS_STEP);
        }
    }

    @EventSourcingHandler
    void on(DossierReceived event, @MetaDataValue(DeadlinePolicies.COMMUNE) String commune) {
        dossierId = event.dossierId();
        this.commune = commune;
        dueOn = event.dueOn();
        lastStepOn = event.receivedOn();
        workingDaysAllowed = event.workingDays();
    }

    @EventSourcingHandler
    void on(DossierReturnedForCompletion event) {
        returned = true;
        lastStepOn = event.returnedOn();
    }

    @EventSourcingHandler
    void on(DossierResubmitted event) {
        returned = false;
        dueOn = event.dueOn();
        lastStepOn = event.resubmittedOn();
    }

    @EventSourcingHandler
    void on(DossierResolved event) {
        resolved = true;
        lastStepOn = event.resolvedOn();
    }
}
