package dev.portcullis;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The layout, as rules: the framework never depends on the demo, feature packages do not depend on each other in
 * circles, and applications (the demo, the test host applications) use only the API, never a {@code *.internal}
 * package.
 */
class ArchitectureTest {

    /** Code outside the framework may depend on Portcullis's API packages only, never on a {@code *.internal} one. */
    static final ArchRule HOSTS_USE_ONLY_THE_API = noClasses()
            .that().resideInAnyPackage("dev.portcullis.demo..", "com.example..")
            .should().dependOnClassesThat().resideInAPackage("dev.portcullis..internal..")
            .because("host applications use the API; internals change without notice");

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
    void theSecurityAuditSitsOnTopOfTheChecksAndTheAdmin() {
        // The cycle rule alone would let checks or admin reach up into the audit page as long as it reached nothing
        // back; the checks run without it (start-up, check --deploy) and the admin works with it switched off.
        noClasses().that().resideInAnyPackage("dev.portcullis.checks..", "dev.portcullis.admin..")
                .should().dependOnClassesThat().resideInAPackage("dev.portcullis.selfaudit..")
                .check(MAIN);
    }

    @Test
    void applicationsUseOnlyThePublicApi() {
        // The demo and the test host applications are ordinary applications: what they may use of Portcullis is
        // what a host developer writes against; everything in a *.internal package may change without notice.
        JavaClasses hosts = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/com/example/outsider/"))
                .importPackages("dev.portcullis.demo", "com.example");
        assertThat(hosts.contain("com.example.petclinic.PetclinicApplication")).isTrue();
        assertThat(hosts.contain("dev.portcullis.demo.DemoApplication")).isTrue();
        HOSTS_USE_ONLY_THE_API.check(hosts);
    }

    @Test
    void theApiRuleReportsHostCodeThatReachesIntoInternals() {
        JavaClasses offender = new ClassFileImporter().importPackages("com.example.outsider");
        EvaluationResult result = HOSTS_USE_ONLY_THE_API.evaluate(offender);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("dev.portcullis.admin.model.internal.Names"));
    }
}
