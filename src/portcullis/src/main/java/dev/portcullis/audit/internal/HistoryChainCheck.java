package dev.portcullis.audit.internal;

import java.util.List;
import java.util.Set;

import dev.portcullis.checks.Check;
import dev.portcullis.checks.CheckMessage;

/**
 * {@code audit.E001}: proves nobody altered the history log in the database. Re-reads every entry and recomputes
 * the chain; names the first entry that was edited, removed or inserted.
 */
public final class HistoryChainCheck implements Check {

    static final String ID = "audit.E001";

    private final HistoryLog history;

    public HistoryChainCheck(HistoryLog history) {
        this.history = history;
    }

    @Override
    public List<CheckMessage> run() {
        return history.verify().map(problem -> List.of(CheckMessage.error(ID, "portcullis_history", problem,
                "Someone with write access to the database changed the history log. Restore the table from a backup"
                        + " to see the original entry, and review who holds database credentials.")))
                .orElse(List.of());
    }

    @Override
    public Set<String> tags() {
        return Set.of("audit");
    }

    /** Re-reads the whole history: in the audit and on the command line, not at every start. */
    @Override
    public boolean external() {
        return true;
    }
}
