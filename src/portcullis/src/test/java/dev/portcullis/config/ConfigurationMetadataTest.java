package dev.portcullis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.ObjectMapper;

/** Every portcullis.* property ships IDE metadata: a description and its default. */
class ConfigurationMetadataTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyPortcullisPropertyIsDocumented() throws Exception {
        Map<String, Object> metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("configuration metadata is generated at build time").isNotNull();
            metadata = new ObjectMapper().readValue(in, Map.class);
        }
        List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");
        List<String> names = new ArrayList<>();
        for (Map<String, Object> property : properties) {
            String name = (String) property.get("name");
            if (name.startsWith("portcullis.")) {
                names.add(name);
                assertThat((String) property.get("description")).as(name).isNotBlank();
            }
        }
        assertThat(names).contains("portcullis.admin.path", "portcullis.admin.site-name",
                "portcullis.bootstrap.username", "portcullis.bootstrap.password", "portcullis.password.min-length",
                "portcullis.password.max-length", "portcullis.admin.bulk-batch-size", "portcullis.admin.export-limit",
                "portcullis.admin.export-escape-formulas", "portcullis.admin.export-bom");
    }
}
