package vn.commune.petition.api.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows point one way: api → projections → domain. */
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
}
