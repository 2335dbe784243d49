package vn.commune.petition.api.request;

import jakarta.validation.Validator;
import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query parameters bound to a record ({@code status=FOO&size=1000}) report a type mismatch and a
 * constraint error together. When one parameter does not convert, Spring validates the others one
 * value at a time, which Spring Boot's MVC validator adapter does not support (it silently
 * validates nothing), so each binder gets a validator that does.
 */
@ControllerAdvice
class QueryParameterValidation {

    private final SpringValidatorAdapter validator;

    QueryParameterValidation(Validator validator) {
        this.validator = new SpringValidatorAdapter(validator);
    }

    @InitBinder
    void validateEveryParameter(WebDataBinder binder) {
        binder.replaceValidators(validator);
        binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf));
        binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf));
    }

    /**
     * A number in a query parameter is decimal digits with an optional sign. Where a conversion
     * fails, Spring falls back to its default editors, which also read {@code 0x10} and {@code #10}
     * as 16: no client means that.
     */
    private static final class Decimal extends PropertyEditorSupport {

        private final Function<String, Number> parse;

        Decimal(Function<String, Number> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            setValue(text == null || text.isEmpty() ? null : parse.apply(text));
        }
    }
}
