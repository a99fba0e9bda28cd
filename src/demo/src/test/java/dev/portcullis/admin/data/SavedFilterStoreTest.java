package dev.portcullis.admin.data;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.demo.DemoApplication;

/** {@link SavedFilterStore} on H2, the embedded default. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class SavedFilterStoreTest extends SavedFilterStore {
}
