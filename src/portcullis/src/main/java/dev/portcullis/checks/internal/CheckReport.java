package dev.portcullis.checks.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import dev.portcullis.checks.CheckLevel;
import dev.portcullis.checks.CheckMessage;

/**
 * The findings of one run of the checks, most serious first.
 *
 * @param ranAt when the checks ran
 * @param findings what they found, without the silenced ones
 * @param silenced how many findings were left out by {@code portcullis.checks.silenced}
 */
public record CheckReport(Instant ranAt, List<CheckMessage> findings, int silenced) {

    public CheckReport {
        findings = findings.stream()
                .sorted(Comparator.comparing(CheckMessage::level).reversed().thenComparing(CheckMessage::id))
                .toList();
    }

    /** How many findings have this level. */
    public long count(CheckLevel level) {
        return findings.stream().filter(m -> m.level() == level).count();
    }

    /** Findings of this level. */
    public List<CheckMessage> at(CheckLevel level) {
        return findings.stream().filter(m -> m.level() == level).toList();
    }

    /** True when a finding reaches the level. */
    public boolean reaches(CheckLevel level) {
        return findings.stream().anyMatch(m -> m.level().compareTo(level) >= 0);
    }

    /** The most serious level found, empty when nothing was found. */
    public Optional<CheckLevel> highest() {
        return findings.stream().map(CheckMessage::level).max(Comparator.naturalOrder());
    }
}
