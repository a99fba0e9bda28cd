package dev.portcullis.checks.internal;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns failed start-up checks into Spring Boot's "APPLICATION FAILED TO START" advice: every message with its id,
 * then every hint.
 */
class ChecksFailureAnalyzer extends AbstractFailureAnalyzer<ChecksFailedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ChecksFailedException cause) {
        String description = cause.getMessages().stream()
                .map(m -> (m.source() == null ? "" : m.source() + ": ") + "(" + m.id() + ") " + m.message())
                .collect(Collectors.joining("\n"));
        String action = cause.getMessages().stream()
                .filter(m -> m.hint() != null)
                .map(m -> m.id() + ": " + m.hint())
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(description, action.isEmpty() ? "Fix the settings named above." : action, cause);
    }
}
