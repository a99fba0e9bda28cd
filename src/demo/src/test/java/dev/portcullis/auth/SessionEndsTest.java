package dev.portcullis.auth;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.demo.DemoApplication;

/** {@link SessionEnds} on H2. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class SessionEndsTest extends SessionEnds {
}
