package dev.portcullis.admin.data.internal;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.security.core.Authentication;

import dev.portcullis.admin.AdminChange;
import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.model.AdminModel;

import jakarta.persistence.EntityManager;
import dev.portcullis.admin.data.ListQuery;

/** Streams every row a list shows to an export, and records the export in the history log. */
public final class ListExport {

    private static final int EXPORT_CLEAR_EVERY = 100;

    private final EntityManager em;
    private final EntityQueries queries;
    private final HistoryRecorder recorder;

    public ListExport(EntityManager em, EntityQueries queries, HistoryRecorder recorder) {
        this.em = em;
        this.queries = queries;
        this.recorder = recorder;
    }

    public <T> long export(AdminModel<T> model, ListQuery query, int limit, Consumer<T> rows) {
        Authentication user = AdminAccess.require(model, AdminOperation.EXPORT);
        ListCriteria criteria = queries.read(model, query);
        long written = 0;
        String interrupted = "";
        try (Stream<T> stream = em.createQuery(queries.all(model, criteria, user)).setMaxResults(limit)
                .setHint("org.hibernate.fetchSize", 500).setHint("org.hibernate.readOnly", true).getResultStream()) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                rows.accept(iterator.next());
                if (++written % EXPORT_CLEAR_EVERY == 0) {
                    em.clear(); // rows already written need not stay in the persistence context
                }
            }
        } catch (UncheckedIOException aborted) {
            interrupted = "; interrupted: " + aborted.getCause().getMessage();
        }
        recorder.recordMany(model, AdminChange.Kind.EXPORT, written, "CSV, " + describe(query)
                + (written == limit ? "; stopped at the limit of " + limit + " rows" : "") + interrupted);
        return written;
    }

    /** The list state in words, for the history log: "search 'x', genre=SCIFI, order -title". */
    private static String describe(ListQuery query) {
        List<String> parts = new ArrayList<>();
        if (!query.search().isEmpty()) {
            parts.add("search '" + query.search() + "'");
        }
        new TreeMap<>(query.filters()).forEach((name, value) -> parts.add(name + "=" + value));
        if (query.sort() != null) {
            parts.add("order " + query.sort());
        }
        return parts.isEmpty() ? "all rows" : String.join(", ", parts);
    }
}
