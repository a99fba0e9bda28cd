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
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.ListColumn;
import dev.portcullis.admin.model.internal.Names;
import dev.portcullis.admin.model.SortOrder;
import dev.portcullis.admin.model.internal.ValueLabels;

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
        recorder.recordMany(model, AdminChange.Kind.EXPORT, written, "CSV, " + describe(model, query)
                + (written == limit ? "; stopped at the limit of " + limit + " rows" : "") + interrupted);
        return written;
    }

    /** The list state in words, for the history log: "search 'x', Genre: Science fiction, order Title descending". */
    static String describe(AdminModel<?> model, ListQuery query) {
        List<String> parts = new ArrayList<>();
        if (!query.search().isEmpty()) {
            parts.add("search '" + query.search() + "'");
        }
        new TreeMap<>(query.filters()).forEach((name, value) -> parts.add(filter(model, name, value)));
        if (query.sort() != null) {
            SortOrder order = query.sort();
            parts.add("order " + label(model, order.path()) + (order.descending() ? " descending" : ""));
        }
        return parts.isEmpty() ? "all rows" : String.join(", ", parts);
    }

    /** "Genre: Science fiction", "Published on from: 2024-01-01", "In stock: Yes". */
    private static String filter(AdminModel<?> model, String name, String value) {
        String base = name.endsWith(ListFilters.FROM) ? name.substring(0, name.length() - ListFilters.FROM.length())
                : name.endsWith(ListFilters.TO) ? name.substring(0, name.length() - ListFilters.TO.length()) : name;
        String suffix = base.equals(name) ? "" : name.endsWith(ListFilters.FROM) ? " from" : " to";
        AdminField field = model.field(base).orElse(null);
        String shown = field != null && field.kind() == FieldKind.ENUM ? ValueLabels.ofConstant(field.javaType(), value)
                : field != null && field.kind() == FieldKind.BOOLEAN ? ("true".equals(value) ? "Yes" : "No") : value;
        return label(model, base) + suffix + ": " + shown;
    }

    private static String label(AdminModel<?> model, String path) {
        return model.column(path).map(ListColumn::label)
                .orElseGet(() -> model.field(path).map(AdminField::label).orElseGet(() -> Names.humanize(path)));
    }
}
