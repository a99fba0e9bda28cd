package dev.portcullis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layout, as rules: the framework never depends on the demo, and feature packages do not depend on each
 * other in circles.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.portcullis");

    @Test
    void frameworkDoesNotDependOnTheDemo() {
        noClasses().that().resideInAPackage("dev.portcullis..")
                .and().resideOutsideOfPackage("dev.portcullis.demo..")
                .should().dependOnClassesThat().resideInAPackage("dev.portcullis.demo..")
                .check(MAIN);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("dev.portcullis.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void demoUsesOnlyThePublicApi() {
        // The demo is an ordinary application: it may not reach into the framework's internals, which are
        // package-private by design; this rule keeps it from importing framework UI internals too.
        noClasses().that().resideInAPackage("dev.portcullis.demo..")
                .should().dependOnClassesThat().resideInAPackage("dev.portcullis.admin.ui..")
                .check(MAIN);
    }
}
