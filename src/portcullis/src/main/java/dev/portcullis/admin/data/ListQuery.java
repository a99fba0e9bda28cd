package dev.portcullis.admin.data;

import java.util.Map;

import dev.portcullis.admin.model.SortOrder;

/**
 * What a list shows: search text, filter values by parameter name, sort order (null for the model's default), a
 * 1-based page number and, when the user paged with Next or Previous, a cursor naming the row the page starts after
 * (or ends before). With a cursor the database seeks straight to the page (keyset pagination) however deep it is;
 * without one it skips {@code (page - 1) * size} rows. It is exactly the state a list keeps in its URL.
 *
 * @param cursor opaque position from {@link ListPage#nextCursor()} or {@link ListPage#previousCursor()}, or null
 */
public record ListQuery(String search, Map<String, String> filters, SortOrder sort, int page, String cursor) {

    /**
     * The highest page number a list accepts: far beyond any real list, yet {@code (page - 1) * size} stays within
     * an int for the largest page size (500), so a hand-edited number can never overflow into a negative offset.
     */
    public static final int MAX_PAGE = 1_000_000;

    public ListQuery {
        search = search == null ? "" : search.strip();
        filters = Map.copyOf(filters);
        page = Math.clamp(page, 1, MAX_PAGE);
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
    }

    public ListQuery(String search, Map<String, String> filters, SortOrder sort, int page) {
        this(search, filters, sort, page, null);
    }

    public static ListQuery firstPage() {
        return new ListQuery("", Map.of(), null, 1);
    }
}
