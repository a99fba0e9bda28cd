package dev.portcullis.checks.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.portcullis.checks.Check;
import dev.portcullis.checks.CheckMessage;

/**
 * Every {@link Check} bean of the application, run together: at start-up, in the security audit view and by
 * {@code check --deploy}. A check that throws becomes a CRITICAL finding that names it, never a crash of the run.
 */
public final class CheckRegistry {

    private static final Logger log = LoggerFactory.getLogger(CheckRegistry.class);

    /** Which checks a run includes. */
    public enum Scope {
        /** Checks of the application's own configuration; an ERROR among them stops the start. */
        STARTUP,
        /** Every check, including those that only matter for a deployment. */
        DEPLOY,
        /** Every check that reads neither the database nor the network ({@link Check#external()}): logged at start. */
        OFFLINE
    }

    private final Map<String, Check> checks;
    private final Set<String> silenced;
    private final Clock clock;
    private volatile CheckReport latest;

    /**
     * @param checks the checks by name (bean name), run in this order
     * @param silenced ids of findings to leave out
     */
    public CheckRegistry(Map<String, Check> checks, Set<String> silenced, Clock clock) {
        this.checks = new LinkedHashMap<>(checks);
        this.silenced = Set.copyOf(silenced);
        this.clock = clock;
    }

    /** How many checks are registered. */
    public int size() {
        return checks.size();
    }

    /** Runs the checks in scope, optionally only those with one of the tags (empty: all). */
    public CheckReport run(Scope scope, Set<String> tags) {
        List<CheckMessage> findings = new ArrayList<>();
        List<CheckMessage> databaseFailures = new ArrayList<>();
        int silencedCount = 0;
        for (Map.Entry<String, Check> entry : checks.entrySet()) {
            Check check = entry.getValue();
            if (scope == Scope.STARTUP && check.deploy() || scope == Scope.OFFLINE && check.external()) {
                continue;
            }
            if (!tags.isEmpty() && check.tags().stream().noneMatch(tags::contains)) {
                continue;
            }
            Outcome outcome = runOne(entry.getKey(), check);
            if (outcome.databaseFailure()) {
                databaseFailures.addAll(outcome.messages());
            }
            for (CheckMessage message : outcome.messages()) {
                if (silenced.contains(message.id())) {
                    silencedCount++;
                } else {
                    findings.add(message);
                }
            }
        }
        if (findings.stream().anyMatch(m -> m.id().equals(PENDING_MIGRATIONS))) {
            // The schema is not there yet: checks that read it cannot run, and that is reported already.
            for (CheckMessage failure : databaseFailures) {
                if (findings.remove(failure)) {
                    findings.add(CheckMessage.info("checks.I001", failure.source(), "The check '" + failure.source()
                            + "' could not read the database while migrations are pending.",
                            "Run the pending migrations, then check again."));
                }
            }
        }
        CheckReport report = new CheckReport(clock.instant(), findings, silencedCount);
        if (scope == Scope.DEPLOY && tags.isEmpty()) {
            latest = report;
        }
        return report;
    }

    /** The report of the latest full run (start-up, audit view or re-run), running the checks if there was none. */
    public CheckReport latest() {
        CheckReport report = latest;
        return report != null ? report : run(Scope.DEPLOY);
    }

    /** Runs every check. */
    public CheckReport run(Scope scope) {
        return run(scope, Set.of());
    }

    /** The id of the finding that says migrations are pending (DatabaseChecks). */
    static final String PENDING_MIGRATIONS = "database.W002";

    /** What one check returned, and whether it failed on an SQL error (which pending migrations may explain). */
    private record Outcome(List<CheckMessage> messages, boolean databaseFailure) {
    }

    private static Outcome runOne(String name, Check check) {
        try {
            List<CheckMessage> messages = check.run();
            return new Outcome(messages == null ? List.of() : messages, false);
        } catch (RuntimeException | LinkageError failure) {
            boolean sql = causedBySql(failure);
            if (sql) {
                log.warn("The check '{}' could not read the database: {}", name, failure.toString());
            } else {
                log.error("The check '{}' failed to run", name, failure);
            }
            return new Outcome(List.of(CheckMessage.critical("checks.C001", name, "The check '" + name
                    + "' failed to run: " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage()),
                    "Fix the check or the state it inspects; the application log has the stack trace.")), sql);
        }
    }

    private static boolean causedBySql(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }
}
