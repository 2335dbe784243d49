package vn.commune.petition.api.page;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of web pages (HTML), as opposed to the JSON API: its failures are answered with
 * HTML error pages (PageErrors), not Problem Details, and the resilience battery leaves it to the
 * browser tests. Lives next to its feature's API controller, e.g. {@code api/petition/PetitionPages}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {
}
