package dev.portcullis.admin.data;

import java.util.List;

/** One page of a list, and whether another page follows (found without counting the table). */
public record ListPage<T>(List<T> rows, int page, int pageSize, boolean hasNext) {
}
