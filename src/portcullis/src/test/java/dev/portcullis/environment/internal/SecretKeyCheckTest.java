package dev.portcullis.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.environment.SecretKeyProperties;

/** security.W040: missing, placeholder, short or repetitive secret keys. */
class SecretKeyCheckTest {

    private static SecretKeyProperties key(String value) {
        SecretKeyProperties properties = new SecretKeyProperties();
        properties.setSecretKey(value);
        return properties;
    }

    @Test
    void weakKeysAreReported() {
        assertThat(SecretKeyCheck.run(key(null))).singleElement()
                .satisfies(m -> assertThat(m.message()).contains("is not set"));
        assertThat(SecretKeyCheck.run(key("changeme"))).extracting(CheckMessage::id).containsExactly("security.W040");
        assertThat(SecretKeyCheck.run(key("c2hvcnQ="))).singleElement()
                .satisfies(m -> assertThat(m.message()).contains("only 5 bytes"));
        assertThat(SecretKeyCheck.run(key("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))).singleElement()
                .satisfies(m -> assertThat(m.message()).contains("not random"));
    }

    @Test
    void aRandomKeyPasses() {
        assertThat(SecretKeyCheck.run(key("q3ZP0x6m1s9hXvYt7b2Jc4rN8kLwE5fAgUoD1iTzR0s="))).isEmpty();
    }
}
