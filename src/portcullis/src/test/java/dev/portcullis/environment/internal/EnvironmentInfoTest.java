package dev.portcullis.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;
import dev.portcullis.environment.EnvironmentProperties;

class EnvironmentInfoTest {

    @ParameterizedTest
    @CsvSource({
        "dev, DEVELOPMENT, #2e7d32, false",
        "staging, STAGING, #b34700, false",
        "prod, PRODUCTION, #c62828, true",
        "qa, QA, #455a64, false"})
    void eachProfileHasItsNameColourAndProtection(String profile, String name, String color, boolean isProtected) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        EnvironmentInfo info = EnvironmentInfo.resolve(new EnvironmentProperties(), environment);
        assertThat(info.name()).isEqualTo(name);
        assertThat(info.color()).isEqualTo(color);
        assertThat(info.protectedEnvironment()).isEqualTo(isProtected);
        assertThat(info.contrastRatio()).as("white text keeps WCAG AA contrast").isGreaterThanOrEqualTo(4.5);
    }

    @ParameterizedTest
    @CsvSource({"#ffffff, #000000, 21.0", "#c62828, #ffffff, 5.62", "#ffeb3b, #ffffff, 1.2"})
    void contrastFollowsWcag(String background, String text, double ratio) {
        EnvironmentProperties properties = new EnvironmentProperties();
        properties.setColor(background);
        properties.setTextColor(text);
        assertThat(EnvironmentInfo.resolve(properties, new MockEnvironment()).contrastRatio())
                .isCloseTo(ratio, org.assertj.core.data.Offset.offset(0.05));
    }

    @org.junit.jupiter.api.Test
    void coloursMustBeHex() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EnvironmentProperties().setColor("red"))
                .withMessageContaining("#rrggbb");
    }
}
