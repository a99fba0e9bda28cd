package dev.portcullis.checks;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A check: inspects configuration or state and returns its findings, an empty list when all is well. Feature packages
 * contribute checks as beans; the check registry runs every {@code Check} bean in the context, at start-up, in the
 * security audit view and on the command line ({@code check --deploy}).
 */
@FunctionalInterface
public interface Check {

    /** Runs the check. Must not throw for a finding: report it as a message instead. */
    List<CheckMessage> run();

    /** Areas this check belongs to, such as {@code security} or {@code database}. */
    default Set<String> tags() {
        return Set.of();
    }

    /** True when the check only matters for a deployment (run by {@code check --deploy} and the audit view). */
    default boolean deploy() {
        return true;
    }

    /**
     * True when the check reads the database or the network (or does costly work such as hashing): it runs in the
     * security audit and by {@code check --deploy}, not at every start, so a start costs no queries or calls for it.
     */
    default boolean external() {
        return false;
    }

    /** A deploy check with one tag that reads the database or the network: not run at every start. */
    static Check external(String tag, Supplier<List<CheckMessage>> body) {
        Check check = deploy(tag, body);
        return new Check() {
            @Override
            public List<CheckMessage> run() {
                return check.run();
            }

            @Override
            public Set<String> tags() {
                return check.tags();
            }

            @Override
            public boolean external() {
                return true;
            }
        };
    }

    /** A deploy check with one tag. */
    static Check deploy(String tag, Supplier<List<CheckMessage>> body) {
        return new Check() {
            @Override
            public List<CheckMessage> run() {
                return body.get();
            }

            @Override
            public Set<String> tags() {
                return Set.of(tag);
            }
        };
    }
}
