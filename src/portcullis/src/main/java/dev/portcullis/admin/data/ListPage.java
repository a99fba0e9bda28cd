package dev.portcullis.admin.data;

import java.util.List;

/**
 * One page of a list, and whether another page follows (found without counting the table).
 *
 * @param nextCursor where the next page starts, for {@link ListQuery#cursor()}; null when the order cannot be paged
 *                   by keys (a nullable sort column), and paging falls back to row offsets
 * @param previousCursor where the previous page ends, likewise
 */
public record ListPage<T>(List<T> rows, int page, int pageSize, boolean hasNext, String nextCursor,
        String previousCursor) {

    public ListPage(List<T> rows, int page, int pageSize, boolean hasNext) {
        this(rows, page, pageSize, hasNext, null, null);
    }
}
