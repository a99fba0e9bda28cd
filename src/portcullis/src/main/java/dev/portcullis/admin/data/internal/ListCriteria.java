package dev.portcullis.admin.data.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.SortOrder;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.ListQuery;

/**
 * A list's URL state read once into typed values: the search terms (with the related rows they match already looked
 * up), the filter values by field, the order with its tie-breaking id, and the keyset cursor. A list screen builds one
 * per URL state with {@link AdminEntityService#criteria} and hands the same value to
 * {@link AdminEntityService#list(AdminModel, ListCriteria)} and {@link AdminEntityService#count(AdminModel,
 * ListCriteria)}, so nothing is parsed or looked up twice. Immutable.
 */
public final class ListCriteria {

    private final AdminModel<?> model;
    private final ListQuery query;
    private final List<String> searchTerms;
    private final Map<TextSearch.Match, TextSearch.Resolved> relatedMatches;
    private final Map<AdminField, ListFilters.Value> filters;
    private final List<String> problems;
    private final List<SortOrder> order;
    private final boolean keyset;
    private final Keyset.Parsed cursor;

    private ListCriteria(AdminModel<?> model, ListQuery query, List<String> searchTerms,
            Map<TextSearch.Match, TextSearch.Resolved> relatedMatches, ListFilters.Parsed filters) {
        this.model = model;
        this.query = query;
        this.searchTerms = searchTerms;
        this.relatedMatches = Map.copyOf(relatedMatches);
        this.filters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters.values()));
        this.problems = List.copyOf(filters.problems());
        this.order = order(model, query);
        this.keyset = Keyset.supports(model, order);
        this.cursor = keyset && query.cursor() != null ? Keyset.parse(query.cursor(), model, order) : null;
    }

    /** Reads the query against the model; the caller has checked that the user may view the model's rows. */
    static ListCriteria of(AdminModel<?> model, ListQuery query, EntityIds ids, TextSearch search) {
        List<String> terms = query.search().isEmpty() || !model.searchable() ? List.of()
                : TextSearch.terms(query.search());
        return new ListCriteria(model, query, terms, search.resolve(model.entityClass(), terms, model.searchPaths()),
                ListFilters.parse(model, query.filters(), ids::parseRelatedId));
    }

    /** The URL state this was read from. */
    public ListQuery query() {
        return query;
    }

    /** Filter values that did not parse and were ignored, in words for the user. */
    public List<String> problems() {
        return problems;
    }

    /** A sort key from a URL is honoured only if it is a sortable column or part of the default ordering. */
    public static boolean isSortable(AdminModel<?> model, String path) {
        return model.column(path).map(c -> c.sortable()).orElse(false)
                || model.ordering().stream().anyMatch(o -> o.path().equals(path));
    }

    /** Refuses a criteria value read for another model. */
    <T> AdminModel<T> checkFor(AdminModel<T> expected) {
        if (model != expected) {
            throw new IllegalArgumentException("criteria of '" + model.slug() + "' used for '" + expected.slug() + "'");
        }
        return expected;
    }

    /** Whether a search term is matched through a database full-text index (see {@link H2FullText}). */
    boolean searchesThroughIndex() {
        return relatedMatches.values().stream().anyMatch(TextSearch.Indexed.class::isInstance);
    }

    /**
     * The full-text index match when one search term through one index is the list's whole condition (no filters,
     * and every other searched path known to match nothing); null otherwise. The caller adds the row scope check.
     */
    TextSearch.Indexed searchAloneThroughIndex() {
        if (searchTerms.size() != 1 || !filters.isEmpty() || !model.searchedColumns().isEmpty()) {
            return null;
        }
        TextSearch.Indexed indexed = null;
        for (String path : model.searchPaths()) {
            TextSearch.Resolved resolved = relatedMatches.get(new TextSearch.Match(searchTerms.getFirst(), path));
            if (resolved instanceof TextSearch.Indexed index && indexed == null) {
                indexed = index;
            } else if (!(resolved instanceof TextSearch.Related(List<Object> none) && none.isEmpty())) {
                return null;
            }
        }
        return indexed;
    }

    List<String> searchTerms() {
        return searchTerms;
    }

    Map<TextSearch.Match, TextSearch.Resolved> relatedMatches() {
        return relatedMatches;
    }

    Map<AdminField, ListFilters.Value> filters() {
        return filters;
    }

    List<SortOrder> order() {
        return order;
    }

    boolean keyset() {
        return keyset;
    }

    /** The parsed cursor, or null: none given, the order cannot be sought by key, or it did not parse. */
    Keyset.Parsed cursor() {
        return cursor;
    }

    /**
     * The order of a list: the requested column, then the model's ordering, then the id so that every row has a
     * unique place (stable pages, and a key to seek by). The id follows the first term's direction, so the default
     * order "-publishedOn" reads an index on (published_on, id) backwards, with no sort step.
     */
    private static List<SortOrder> order(AdminModel<?> model, ListQuery query) {
        List<SortOrder> sort = new ArrayList<>();
        if (query.sort() != null && isSortable(model, query.sort().path())) {
            sort.add(query.sort());
        }
        sort.addAll(model.ordering());
        List<SortOrder> terms = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (SortOrder order : sort) {
            if (!seen.contains(order.path())) {
                seen.add(order.path());
                terms.add(order);
            }
        }
        if (!seen.contains(model.idAttribute())) {
            terms.add(new SortOrder(model.idAttribute(), !terms.isEmpty() && terms.getFirst().descending()));
        }
        return List.copyOf(terms);
    }
}
