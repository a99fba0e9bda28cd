package dev.portcullis.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.admin.AdminProperties;

/** security.W046: the admin at a path that scanners try first, our own default included. */
class AdminChecksTest {

    private static AdminProperties at(String path) {
        AdminProperties properties = new AdminProperties();
        properties.setPath(path);
        return properties;
    }

    @Test
    void theDefaultPathIsReportedAsWellKnown() {
        assertThat(AdminChecks.wellKnownPath(new AdminProperties())).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo("security.W046"))
                .satisfies(m -> assertThat(m.message()).contains("/console", "Portcullis's own default"));
        assertThat(AdminChecks.wellKnownPath(at("/Administrator"))).extracting(CheckMessage::id)
                .containsExactly("security.W046");
        assertThat(AdminChecks.wellKnownPath(at("/backend"))).hasSize(1);
    }

    @Test
    void aPathOfYourOwnPasses() {
        assertThat(AdminChecks.wellKnownPath(at("/staff-7f3k"))).isEmpty();
    }
}
