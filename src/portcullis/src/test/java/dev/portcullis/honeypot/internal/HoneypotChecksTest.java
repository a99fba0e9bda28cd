package dev.portcullis.honeypot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.honeypot.HoneypotProperties;

class HoneypotChecksTest {

    private static List<String> ids(HoneypotProperties properties, MockEnvironment environment) {
        return new HoneypotChecks(properties, environment).run().stream().map(CheckMessage::id).toList();
    }

    private static HoneypotProperties sound() {
        HoneypotProperties properties = new HoneypotProperties();
        properties.setAlertRecipients(List.of("security@example.com"));
        return properties;
    }

    private static MockEnvironment mail() {
        return new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com");
    }

    @Test
    void anAlertingHoneypotWithMailPassesEveryCheck() {
        assertThat(ids(sound(), mail())).isEmpty();
    }

    @Test
    void aHoneypotSwitchedOffIsW001() {
        HoneypotProperties off = sound();
        off.setEnabled(false);
        assertThat(ids(off, mail())).containsExactly("honeypot.W001");
    }

    @Test
    void nobodyToAlertIsW002() {
        assertThat(ids(new HoneypotProperties(), mail())).containsExactly("honeypot.W002");
    }

    @Test
    void recipientsWithoutMailIsW003() {
        assertThat(ids(sound(), new MockEnvironment())).containsExactly("honeypot.W003");
    }

    @Test
    void exemptingEveryAddressIsW004() {
        HoneypotProperties everyone = sound();
        everyone.setExemptNetworks(List.of("0.0.0.0/0"));
        assertThat(ids(everyone, mail())).containsExactly("honeypot.W004");
    }

    @Test
    void settersRefuseWhatCannotWork() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HoneypotProperties().setPaths(List.of("admin/")))
                .hasMessageContaining("start with '/'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HoneypotProperties()
                .setAlertRecipients(List.of("not an address"))).hasMessageContaining("not an e-mail address");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HoneypotProperties()
                .setDelay(java.time.Duration.ofMinutes(1))).hasMessageContaining("between 0 and 10s");
    }
}
