package dev.portcullis.admin.data;

import java.util.Map;

import dev.portcullis.admin.model.SortOrder;

/**
 * What a list shows: search text, filter values by parameter name, sort order (null for the model's default)
 * and a 1-based page number. It is exactly the state a list keeps in its URL.
 */
public record ListQuery(String search, Map<String, String> filters, SortOrder sort, int page) {

    public ListQuery {
        search = search == null ? "" : search.strip();
        filters = Map.copyOf(filters);
        page = Math.max(1, page);
    }

    public static ListQuery firstPage() {
        return new ListQuery("", Map.of(), null, 1);
    }
}
