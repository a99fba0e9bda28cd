package dev.portcullis.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and under which name the admin is served ({@code portcullis.admin.*}).
 */
@ConfigurationProperties("portcullis.admin")
public class AdminProperties {

    /** Default admin path: deliberately not the well-known {@code /admin}, which the honeypot will occupy. */
    public static final String DEFAULT_PATH = "/console";

    /**
     * Path the admin UI is served under, e.g. {@code /console}. Must start with '/', must not end with '/',
     * and must not be '/' itself: the admin never takes over the whole site.
     */
    private String path = DEFAULT_PATH;

    /** Name shown in the header, the browser title and the login page. */
    private String siteName = "Portcullis";

    /** Most rows one CSV export writes; the rest of a larger list is left out (and the export says so). */
    private int exportLimit = 50_000;

    /**
     * Whether CSV cells that start with '=', '+', '-', '@', a tab or a carriage return get a leading apostrophe, so a
     * spreadsheet shows them as text instead of running them as formulas.
     */
    private boolean exportEscapeFormulas = true;

    /** Whether CSV exports start with a UTF-8 byte order mark by default (Excel needs it to read UTF-8). */
    private boolean exportBom = false;

    /** Whether CSV exports hold raw values (ISO dates, enum constants, row ids) instead of what the list shows. */
    private boolean exportRawValues = false;

    /** Rows per transaction in bulk actions and bulk deletes: a failure rolls back only the batch in progress. */
    private int bulkBatchSize = 100;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = validatePath(path);
    }

    public String getSiteName() {
        return siteName;
    }

    public void setSiteName(String siteName) {
        if (siteName == null || siteName.isBlank()) {
            throw new IllegalArgumentException("'portcullis.admin.site-name' must not be blank");
        }
        this.siteName = siteName;
    }

    public int getExportLimit() {
        return exportLimit;
    }

    public void setExportLimit(int exportLimit) {
        if (exportLimit < 1 || exportLimit > 10_000_000) {
            throw new IllegalArgumentException("'portcullis.admin.export-limit' must be between 1 and 10,000,000 (was "
                    + exportLimit + ")");
        }
        this.exportLimit = exportLimit;
    }

    public boolean isExportEscapeFormulas() {
        return exportEscapeFormulas;
    }

    public void setExportEscapeFormulas(boolean exportEscapeFormulas) {
        this.exportEscapeFormulas = exportEscapeFormulas;
    }

    public boolean isExportRawValues() {
        return exportRawValues;
    }

    public void setExportRawValues(boolean exportRawValues) {
        this.exportRawValues = exportRawValues;
    }

    public boolean isExportBom() {
        return exportBom;
    }

    public void setExportBom(boolean exportBom) {
        this.exportBom = exportBom;
    }

    public int getBulkBatchSize() {
        return bulkBatchSize;
    }

    public void setBulkBatchSize(int bulkBatchSize) {
        if (bulkBatchSize < 1 || bulkBatchSize > 10_000) {
            throw new IllegalArgumentException("'portcullis.admin.bulk-batch-size' must be between 1 and 10,000 (was "
                    + bulkBatchSize + ")");
        }
        this.bulkBatchSize = bulkBatchSize;
    }

    /**
     * Checks an admin path and returns it unchanged, or explains how to fix it.
     */
    public static String validatePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("'portcullis.admin.path' must start with '/', e.g. '/console' (was '" + path + "')");
        }
        if (path.length() == 1) {
            throw new IllegalArgumentException("'portcullis.admin.path' must not be '/': serve the admin under its own path, e.g. '/console'");
        }
        if (path.endsWith("/")) {
            throw new IllegalArgumentException("'portcullis.admin.path' must not end with '/' (was '" + path + "'); use e.g. '/console'");
        }
        if (!path.matches("(/[A-Za-z0-9._~-]+)+") || path.matches(".*/\\.{1,2}(/.*)?")) {
            throw new IllegalArgumentException("'portcullis.admin.path' may hold only letters, digits and . _ ~ - between slashes (was '" + path + "')");
        }
        return path;
    }
}
