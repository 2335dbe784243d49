package vn.commune.petition.api.problem;

import jakarta.validation.Validator;
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
    }
}
