package vn.commune.petition.api.page;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Validates the API's request record that a page form makes (its own Bean Validation constraints,
 * as the API checks them) and records each violation beside the form field it came from, for forms
 * whose fields are not the record's own: blank rows dropped, a nested record typed in flat. Each
 * error's codes are the constraint's name for that field ({@code NotBlank.petitioners.fullName},
 * then {@code NotBlank}), so its message comes from the bundles.
 */
@Component
public class FormValidation {

    private final Validator validator;

    FormValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * Validates {@code request} and adds its violations to {@code form}, each on the field
     * {@code field} names for the violation's path (e.g. {@code petition.field} to {@code field}); a
     * field that already has an error (a value that could not be read) keeps only that one.
     */
    public void validate(Object request, BindingResult form, UnaryOperator<String> field) {
        validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .forEach(violation -> {
                    String name = field.apply(violation.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", ""));
                    if (form.hasFieldErrors(name)) {
                        return;
                    }
                    String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                    form.addError(new FieldError(form.getObjectName(), name, form.getRawFieldValue(name), false,
                            form.resolveMessageCodes(code, name), null, violation.getMessage()));
                });
    }
}
