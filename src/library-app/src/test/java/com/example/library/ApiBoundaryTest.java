package com.example.library;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * A host application builds against Portcullis's API alone: its entities, admins and tests never depend on a
 * class in a {@code dev.portcullis..internal..} package, which may change in any release.
 */
class ApiBoundaryTest {

    private static final ArchRule USES_ONLY_THE_API = noClasses()
            .that().resideInAPackage("com.example.library..")
            .should().dependOnClassesThat().resideInAPackage("dev.portcullis..internal..")
            .because("a host application uses the API; internals change without notice");

    @Test
    void theLibraryUsesOnlyPortcullisApi() {
        // main and test classes alike: the host's own admin tests are host code too
        JavaClasses library = new ClassFileImporter().importPackages("com.example.library");
        assertThat(library.contain(LibraryApplication.class)).isTrue();
        assertThat(library.contain(LibraryAdminTest.class)).isTrue();
        USES_ONLY_THE_API.check(library);
    }
}
