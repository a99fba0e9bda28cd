package dev.portcullis.auth;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.demo.DemoApplication;

/** {@link ConcurrentSignIns} on H2, the database of development and small installations. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ConcurrentSignIns.CountingEncoder.class)
class ConcurrentSignInH2Test extends ConcurrentSignIns {
}
