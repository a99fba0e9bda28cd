package dev.portcullis.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminPropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/console", "/back-office", "/ops/admin-2", "/x"})
    void acceptsPlainPaths(String path) {
        assertThat(AdminPath.of(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "console|must start with '/'",
        "/|must not be '/'",
        "/console/|must not end with '/'",
        "/con sole|may hold only letters",
        "/a/../b|may hold only letters"})
    void refusesPathsWithAnExplanation(String path, String explanation) {
        assertThatIllegalArgumentException().isThrownBy(() -> AdminPath.of(path))
                .withMessageContaining("'portcullis.admin.path'").withMessageContaining(explanation);
    }

    @org.junit.jupiter.api.Test
    void bulkAndExportSettingsHaveSafeDefaultsAndRefuseNonsense() {
        AdminProperties properties = new AdminProperties();
        assertThat(properties.getBulkBatchSize()).isEqualTo(100);
        assertThat(properties.getExportLimit()).isEqualTo(50_000);
        assertThat(properties.isExportEscapeFormulas()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> properties.setBulkBatchSize(0))
                .withMessageContaining("'portcullis.admin.bulk-batch-size' must be between 1 and 10,000");
        assertThatIllegalArgumentException().isThrownBy(() -> properties.setExportLimit(-5))
                .withMessageContaining("'portcullis.admin.export-limit' must be between 1");
    }

    /** Shorthand so the table above reads as data. */
    private static final class AdminPath {
        static String of(String path) {
            return AdminProperties.validatePath(path);
        }
    }
}
