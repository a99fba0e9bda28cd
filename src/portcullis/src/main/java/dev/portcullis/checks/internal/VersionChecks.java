package dev.portcullis.checks.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import dev.portcullis.checks.CheckMessage;

/**
 * Tip 6, running the latest version: compares what actually runs (Java, Spring Boot, Spring Security, Vaadin,
 * Hibernate, the PostgreSQL server) with the bundled {@link SupportTable}. Reports a release line past or near its
 * end of support, and a version behind the newest patch of its line.
 */
public final class VersionChecks {

    /** Warn this many days before support ends. */
    static final int WARN_DAYS_BEFORE_END = 90;

    /** Product key in the table, display name and check id. */
    record Product(String key, String name, String id) {
    }

    static final Product JAVA = new Product("java", "Java", "versions.W001");
    static final Product SPRING_BOOT = new Product("spring-boot", "Spring Boot", "versions.W002");
    static final Product SPRING_SECURITY = new Product("spring-security", "Spring Security", "versions.W003");
    static final Product VAADIN = new Product("vaadin", "Vaadin", "versions.W004");
    static final Product HIBERNATE = new Product("hibernate", "Hibernate ORM", "versions.W005");
    static final Product POSTGRESQL = new Product("postgresql", "PostgreSQL server", "versions.W006");

    private final SupportTable table;
    private final Clock clock;

    public VersionChecks(SupportTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** The versions running in this process, read from the libraries themselves. */
    public static Map<Product, Supplier<Optional<String>>> running() {
        Map<Product, Supplier<Optional<String>>> versions = new LinkedHashMap<>();
        versions.put(JAVA, () -> Optional.of(Runtime.version().toString().replaceAll("[+-].*", "")));
        versions.put(SPRING_BOOT, () -> Optional.ofNullable(org.springframework.boot.SpringBootVersion.getVersion()));
        versions.put(SPRING_SECURITY, () -> Optional.ofNullable(
                org.springframework.security.core.SpringSecurityCoreVersion.getVersion()));
        versions.put(VAADIN, () -> Optional.ofNullable(com.vaadin.flow.server.Version.getFullVersion()));
        versions.put(HIBERNATE, () -> Optional.ofNullable(org.hibernate.Version.getVersionString()));
        return versions;
    }

    /** The findings for one product running at a version. */
    List<CheckMessage> check(Product product, String version) {
        String plain = version.replaceAll("(?i)\\.final$", "");
        Optional<SupportTable.Line> line = table.lineOf(product.key(), plain);
        if (line.isEmpty()) {
            return List.of(CheckMessage.info(product.id().replace(".W", ".I"), product.name(),
                    product.name() + " " + plain + " is not in the bundled support table (updated "
                            + table.updated() + "), so its support cannot be judged.",
                    "Upgrade Portcullis for a newer table, or check the vendor's support page yourself."));
        }
        SupportTable.Line known = line.get();
        List<String> problems = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (known.endOfSupport() != null) {
            long days = ChronoUnit.DAYS.between(today, known.endOfSupport());
            if (days < 0) {
                problems.add(product.name() + " " + known.line() + " is out of free support since "
                        + known.endOfSupport());
            } else if (days <= WARN_DAYS_BEFORE_END) {
                problems.add("free support for " + product.name() + " " + known.line() + " ends on "
                        + known.endOfSupport() + " (in " + days + " days)");
            }
        }
        if (SupportTable.compare(plain, known.newestPatch()) < 0) {
            problems.add("version " + plain + " is behind " + known.newestPatch()
                    + ", the newest patch of its line");
        }
        if (problems.isEmpty()) {
            return List.of();
        }
        String text = String.join("; ", problems);
        return List.of(CheckMessage.warning(product.id(), product.name() + " " + plain,
                Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".",
                "Upgrade to the newest patch of a supported line (see " + known.source() + ")."));
    }

    /** Every product running in this process, and the database server when it is PostgreSQL. */
    public List<CheckMessage> all(Optional<String> postgresVersion) {
        List<CheckMessage> findings = new ArrayList<>();
        running().forEach((product, version) -> version.get().ifPresent(v -> findings.addAll(check(product, v))));
        postgresVersion.ifPresent(v -> findings.addAll(check(POSTGRESQL, v.split(" ")[0])));
        return findings;
    }
}
