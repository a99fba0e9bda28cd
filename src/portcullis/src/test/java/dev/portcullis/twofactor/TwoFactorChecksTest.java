package dev.portcullis.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.portcullis.checks.CheckMessage;

class TwoFactorChecksTest {

    private final TwoFactorAutoConfiguration configuration = new TwoFactorAutoConfiguration();

    @Test
    void requiringItForStaffPasses() {
        TwoFactorProperties properties = new TwoFactorProperties();
        assertThat(configuration.portcullisTwoFactorRequiredCheck(properties).run()).isEmpty();
    }

    @Test
    void requiringItOfSuperusersOnlyOrNobodyWarns() {
        TwoFactorProperties properties = new TwoFactorProperties();
        properties.setRequiredFor(List.of("ROLE_SUPERUSER"));
        List<CheckMessage> messages = configuration.portcullisTwoFactorRequiredCheck(properties).run();
        assertThat(messages).extracting(CheckMessage::id).containsExactly("twofactor.W001");
        assertThat(messages.get(0).message()).contains("[ROLE_SUPERUSER]");
        properties.setRequiredFor(List.of());
        assertThat(configuration.portcullisTwoFactorRequiredCheck(properties).run().get(0).message())
                .contains("required for: nobody");
    }
}
