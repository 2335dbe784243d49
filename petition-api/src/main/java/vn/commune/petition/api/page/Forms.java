package vn.commune.petition.api.page;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.api.problem.PreconditionFailedException;
import vn.commune.petition.api.write.IdempotencyKeyReusedException;
import vn.commune.petition.domain.RuleViolation;

/**
 * Runs the write of a page form and turns its refusals into what the form shows when it is shown
 * again ({@code fragments/forms :: errors}): nothing is written, and
 * <ul>
 *   <li>invalid fields (Bean Validation, or an InvalidRequestException) are errors beside their
 *       fields, 422;</li>
 *   <li>a broken rule is the rule's sentence ({@code rule.<NAME>}) above the form, 409;</li>
 *   <li>a version made stale by someone else's step says so and offers a reload
 *       ({@value #STALE} in the model), 412.</li>
 * </ul>
 * The status is set on the response, so htmx swaps the form in place and a plain POST shows it.
 */
public final class Forms {

    /** The model attribute that says the form was made stale by someone else's step. */
    public static final String STALE = "stale";

    /** The rule named when another step was recorded on the same petition at the same moment. */
    public static final String CONCURRENT_STEP = "CONCURRENT_STEP";

    /** 422: the form's fields do not make a valid request; htmx swaps it (pages.js). */
    public static final int INVALID = HttpStatus.UNPROCESSABLE_ENTITY.value();

    private Forms() {
    }

    /**
     * The write's answer, or empty when the form must be shown again: its fields already had errors,
     * or the write was refused (each refusal recorded in {@code form} as described above).
     */
    public static <T> Optional<T> submit(BindingResult form, Model model, HttpServletResponse response,
                                         Supplier<T> write) {
        if (form.hasErrors()) {
            response.setStatus(INVALID);
            return Optional.empty();
        }
        try {
            return Optional.of(write.get());
        } catch (RuleViolation e) {
            refuse(form, response, HttpStatus.CONFLICT, "rule." + e.rule().name(), e.rule().description());
        } catch (ConcurrencyException e) {
            refuse(form, response, HttpStatus.CONFLICT, "rule." + CONCURRENT_STEP, "Another step was recorded");
        } catch (PreconditionFailedException | ConflictingAggregateVersionException e) {
            model.addAttribute(STALE, true);
            refuse(form, response, HttpStatus.PRECONDITION_FAILED, "page.stale", "The record has changed");
        } catch (InvalidRequestException e) {
            for (FieldProblem problem : e.problems()) {
                form.addError(new FieldError(form.getObjectName(), problem.field(), null, false,
                        new String[] {"problem." + problem.field()}, null, problem.message()));
            }
            response.setStatus(INVALID);
        } catch (IdempotencyKeyReusedException e) {
            refuse(form, response, HttpStatus.UNPROCESSABLE_ENTITY, "page.keyReused", "The form was sent before");
        }
        return Optional.empty();
    }

    private static void refuse(BindingResult form, HttpServletResponse response, HttpStatus status, String code,
                               String fallback) {
        form.addError(new ObjectError(form.getObjectName(), new String[] {code}, null, fallback));
        response.setStatus(status.value());
    }
}
