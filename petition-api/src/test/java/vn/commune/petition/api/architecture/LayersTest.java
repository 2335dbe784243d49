package vn.commune.petition.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.InstantSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The arrows point one way (api → projections → domain), the domain reads no clock, and every request
 * body is validated.
 */
class LayersTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.commune.petition");
    }

    @Test
    void dependencies_point_from_the_api_to_the_projections_to_the_domain() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy("vn.commune.petition.domain..")
                .layer("Projections").definedBy("vn.commune.petition.projections..")
                .layer("Api").definedBy("vn.commune.petition.api..", "vn.commune.petition")
                .whereLayer("Api").mayNotBeAccessedByAnyLayer()
                .whereLayer("Projections").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Projections", "Api")
                .withOptionalLayers(false)
                .check(classes);
    }

    @Test
    void projections_know_nothing_of_http_or_security() {
        noClasses().that().resideInAPackage("vn.commune.petition.projections..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.security..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void the_domain_uses_no_spring_no_sql_and_no_jackson() {
        noClasses().that().resideInAPackage("vn.commune.petition.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml.jackson..",
                        "jakarta.persistence..")
                .check(classes);
    }

    /**
     * Time enters the domain as data (each command's business date and {@code today}): nothing in it
     * reads a clock, asks for "now", or holds a Clock to ask later.
     */
    @Test
    void the_domain_never_reads_the_clock() {
        noClasses().that().resideInAPackage("vn.commune.petition.domain..")
                .should().callMethodWhere(DescribedPredicate.describe("now() or the system clock",
                        call -> call.getTarget().getName().equals("now")
                                || call.getTarget().getOwner().isEquivalentTo(System.class)
                                        && (call.getTarget().getName().equals("currentTimeMillis")
                                        || call.getTarget().getName().equals("nanoTime"))))
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .orShould().dependOnClassesThat().areAssignableTo(InstantSource.class)
                .check(classes);
    }

    @Test
    void nothing_prints_instead_of_logging() {
        noClasses().should(ACCESS_STANDARD_STREAMS).check(classes);
    }

    /** Spring validates a request body only when it is {@code @Valid} (JsonBodies, only one it read with problems). */
    @Test
    void every_request_body_is_validated() {
        methods().should(new ArchCondition<JavaMethod>("mark each @RequestBody @Valid") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                    if (parameter.isAnnotatedWith(RequestBody.class) && !parameter.isAnnotatedWith(Valid.class)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes a body"
                                + " that Spring does not validate"));
                    }
                }
            }
        }).check(classes);
    }
}
