package vn.commune.petition.api.page;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import vn.commune.petition.api.request.Text;

/**
 * How a page form's text fields are read into the API's request records: a field left empty (or
 * only spaces) is not given (null), as a JSON body would leave it out; and text the API would refuse
 * in a JSON body ({@link Text}: a control character, an unpaired surrogate, nothing visible) is
 * refused here too, beside its field ({@code typeMismatch.java.lang.String}), so that nothing a
 * form sends could be stored where the API would not store it.
 */
@ControllerAdvice(annotations = PageController.class)
class PageBinding {

    @InitBinder
    void readText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new FormText());
    }

    private static final class FormText extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text == null || text.strip().isEmpty()) {
                setValue(null);
                return;
            }
            if (Text.problemInBody(text) != null) {
                throw new IllegalArgumentException("The text of a form field is refused");
            }
            setValue(text);
        }
    }
}
