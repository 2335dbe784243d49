package vn.commune.petition.api.deadline;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import vn.commune.petition.domain.deadline.BusinessDates;

/**
 * A date the service accepts ({@link BusinessDates}: the years 2000 to 2100), on every date of a
 * request, in its query or its body; an instant must fall in those years in UTC. Null is valid.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = {BusinessDate.Day.class, BusinessDate.Moment.class})
public @interface BusinessDate {

    String message() default "must be in the years " + BusinessDates.FIRST_YEAR + " to " + BusinessDates.LAST_YEAR;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a day. */
    final class Day implements ConstraintValidator<BusinessDate, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || BusinessDates.contains(value);
        }
    }

    /** Checks an instant, such as {@code knownAt}. */
    final class Moment implements ConstraintValidator<BusinessDate, Instant> {

        private static final Instant FIRST = BusinessDates.FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
        private static final Instant AFTER_LAST = BusinessDates.LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(FIRST) && value.isBefore(AFTER_LAST));
        }
    }
}
