package dev.portcullis.admin.model;

/**
 * One term of an ordering: an attribute path and a direction. Written as "title" or "-publishedOn".
 */
public record SortOrder(String path, boolean descending) {

    public static SortOrder parse(String spec) {
        return spec.startsWith("-") ? new SortOrder(spec.substring(1), true) : new SortOrder(spec, false);
    }

    @Override
    public String toString() {
        return descending ? "-" + path : path;
    }
}
