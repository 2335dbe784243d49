package vn.commune.petition.api.pages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * The whole service for page tests, in a context (and database) of its own shared by every page
 * test class, so that what a home page lists is only what these tests made.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PetitionServiceTest
@TestPropertySource(properties = "petition.test.context=pages")
public @interface PageTest {
}
