package dev.portcullis.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.checks.CheckLevel;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.ChecksAutoConfiguration;

/** Tip 6: the bundled support table against what runs, and the optional online check against a local server. */
class VersionChecksTest {

    private static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    private static final SupportTable TABLE = SupportTable.parse(List.of(
            "# Last updated 2026-11-29. test",
            "spring-boot\t4.0\t4.0.9\t2026-12-31\ttest",
            "spring-boot\t4.1\t4.1.2\t2027-06-30\ttest",
            "spring-boot\t3.5\t3.5.16\t2026-06-30\ttest",
            "vaadin\t25.2\t25.2.6\t-\ttest"));

    private final VersionChecks versions = new VersionChecks(TABLE, NOV_2026);

    @Test
    void theNewestPatchOfASupportedLinePasses() {
        assertThat(versions.check(VersionChecks.SPRING_BOOT, "4.1.2")).isEmpty();
        assertThat(versions.check(VersionChecks.VAADIN, "25.2.6")).isEmpty();
    }

    @Test
    void anOlderPatchIsReported() {
        assertThat(versions.check(VersionChecks.VAADIN, "25.2.5")).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo("versions.W004"))
                .satisfies(m -> assertThat(m.message()).isEqualTo(
                        "Version 25.2.5 is behind 25.2.6, the newest patch of its line."));
    }

    @Test
    void aLineOutOfSupportOrCloseToItsEndIsReported() {
        assertThat(versions.check(VersionChecks.SPRING_BOOT, "3.5.16")).singleElement()
                .satisfies(m -> assertThat(m.message()).contains("out of free support since 2026-06-30"));
        assertThat(versions.check(VersionChecks.SPRING_BOOT, "4.0.9")).singleElement()
                .satisfies(m -> assertThat(m.message()).contains("ends on 2026-12-31 (in 32 days)"));
    }

    @Test
    void anUnknownLineIsSaidToBeUnknown() {
        assertThat(versions.check(VersionChecks.SPRING_BOOT, "5.0.0")).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo("versions.I002"))
                .satisfies(m -> assertThat(m.level()).isEqualTo(CheckLevel.INFO));
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(SupportTable.compare("4.0.10", "4.0.9")).isPositive();
        assertThat(SupportTable.compare("7.2.19.Final", "7.2.19")).isZero();
        assertThat(SupportTable.compare("25", "25.0.1")).isNegative();
    }

    @Test
    void theBundledTableCoversEverythingThatRunsHere() {
        SupportTable bundled = SupportTable.bundled();
        assertThat(bundled.updated()).isEqualTo("2026-12-02");
        VersionChecks.running().forEach((product, version) -> assertThat(bundled.lineOf(product.key(),
                version.get().orElseThrow().replaceAll("(?i)\\.final$", ""))).as(product.name()).isPresent());
        assertThat(bundled.lines()).extracting(SupportTable.Line::product)
                .contains("java", "spring-boot", "spring-security", "vaadin", "hibernate", "postgresql");
    }

    @Test
    void thisBuildRunsTheNewestPatchesItsOwnTableKnows() {
        VersionChecks own = new VersionChecks(SupportTable.bundled(),
                Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC));
        // Vaadin is left out: 25.2.6 is the newest patch, but its vaadin-spring module is not in our registry yet,
        // so the build runs 25.2.5 and versions.W004 rightly says so. Java and PostgreSQL depend on the machine.
        for (VersionChecks.Product product : List.of(VersionChecks.SPRING_BOOT, VersionChecks.SPRING_SECURITY,
                VersionChecks.HIBERNATE)) {
            String running = VersionChecks.running().get(product).get().orElseThrow();
            assertThat(own.check(product, running)).as(product.name() + " " + running).isEmpty();
        }
    }

    @Test
    void theOnlineCheckIsOffByDefaultAndSaysSo() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChecksAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(CheckRegistry.class).run(CheckRegistry.Scope.DEPLOY)
                        .findings()).extracting(CheckMessage::id).contains("versions.I010"));
    }

    @Test
    void theOnlineCheckReadsMavenMetadata() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/org/springframework/boot/spring-boot/maven-metadata.xml", exchange -> {
            byte[] body = """
                    <metadata><versioning><versions>
                    <version>4.0.7</version><version>4.0.10</version><version>4.1.0-RC1</version>
                    <version>4.1.3</version></versions></versioning></metadata>
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            OnlineVersionCheck online = new OnlineVersionCheck(true,
                    "http://127.0.0.1:" + server.getAddress().getPort());
            Supplier<Optional<String>> none = Optional::empty;
            Map<VersionChecks.Product, Supplier<Optional<String>>> running = Map.of(
                    VersionChecks.SPRING_BOOT, () -> Optional.of("4.0.7"), VersionChecks.SPRING_SECURITY, none,
                    VersionChecks.VAADIN, none, VersionChecks.HIBERNATE, none);

            List<CheckMessage> findings = online.run(running);

            assertThat(findings).extracting(CheckMessage::id).containsExactly("versions.I012", "versions.W012");
            assertThat(findings.get(1).message()).contains("4.0.10 is on Maven Central");
            assertThat(findings.get(0).message()).contains("4.1.3");

            Map<VersionChecks.Product, Supplier<Optional<String>>> current = Map.of(
                    VersionChecks.SPRING_BOOT, () -> Optional.of("4.1.3"), VersionChecks.SPRING_SECURITY, none,
                    VersionChecks.VAADIN, none, VersionChecks.HIBERNATE, none);
            assertThat(online.run(current)).isEmpty();

            Map<VersionChecks.Product, Supplier<Optional<String>>> missing = Map.of(
                    VersionChecks.SPRING_BOOT, none, VersionChecks.SPRING_SECURITY, () -> Optional.of("7.0.6"),
                    VersionChecks.VAADIN, none, VersionChecks.HIBERNATE, none);
            assertThat(online.run(missing)).extracting(CheckMessage::id).containsExactly("versions.W011");
        } finally {
            server.stop(0);
        }
    }
}
