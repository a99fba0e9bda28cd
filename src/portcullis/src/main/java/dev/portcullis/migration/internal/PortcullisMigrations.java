package dev.portcullis.migration.internal;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Portcullis's own tables, migrated from {@code classpath:db/portcullis/migration} with their own history table
 * {@code portcullis_schema_history}, before the JPA layer and before the host application's Flyway.
 * <p>
 * Deliberately not a {@link Flyway} bean: Spring Boot's Flyway auto-configuration backs off when one exists, and the
 * host's {@code classpath:db/migration} must keep migrating as if Portcullis were not there.
 */
public final class PortcullisMigrations implements InitializingBean {

    /** Where our migrations are packaged; new framework migrations go to {@code db/portcullis/} as V7, V8, ... */
    public static final String LOCATION = "classpath:db/portcullis/migration";

    /** Our history table, apart from the host's {@code flyway_schema_history}. */
    public static final String HISTORY_TABLE = "portcullis_schema_history";

    private final Flyway flyway;
    private final LegacyHistoryTransition transition;
    private final boolean migrate;

    public PortcullisMigrations(Flyway flyway, LegacyHistoryTransition transition, boolean migrate) {
        this.flyway = flyway;
        this.transition = transition;
        this.migrate = migrate;
    }

    /** Our Flyway, for reports (pending and failed migrations); never a bean of its own. */
    public Flyway flyway() {
        return flyway;
    }

    @Override
    public void afterPropertiesSet() {
        if (!migrate) {
            // The check command reports pending migrations instead of running them.
            return;
        }
        transition.moveOutOfHostHistory(flyway);
        flyway.migrate();
    }
}
