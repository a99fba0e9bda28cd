package dev.portcullis.environment.internal;

import java.util.Locale;

import org.springframework.core.env.Environment;
import dev.portcullis.environment.EnvironmentProperties;

/**
 * The resolved environment: name, colours and whether it is protected, with profile-based defaults filled in.
 *
 * @param name label such as PRODUCTION
 * @param color header tint, #rrggbb
 * @param textColor text on the tint, #rrggbb
 * @param protectedEnvironment whether destructive actions need extra confirmation
 * @param typedConfirmationAbove rows above which a delete needs the typed environment name
 * @param showOnPublicPages whether the banner shows before sign-in
 * @param banner whether the environment is shown as a banner at all ({@code portcullis.environment.banner.enabled})
 */
public record EnvironmentInfo(String name, String color, String textColor, boolean protectedEnvironment,
        int typedConfirmationAbove, boolean showOnPublicPages, boolean banner) {

    /** An environment whose banner is on. */
    public EnvironmentInfo(String name, String color, String textColor, boolean protectedEnvironment,
            int typedConfirmationAbove, boolean showOnPublicPages) {
        this(name, color, textColor, protectedEnvironment, typedConfirmationAbove, showOnPublicPages, true);
    }

    static final String PRODUCTION_RED = "#c62828";
    static final String STAGING_ORANGE = "#b34700";
    static final String DEVELOPMENT_GREEN = "#2e7d32";
    static final String NEUTRAL_GREY = "#455a64";

    public static EnvironmentInfo resolve(EnvironmentProperties properties, Environment environment) {
        String profile = environment.matchesProfiles("prod") ? "prod"
                : environment.matchesProfiles("staging") ? "staging"
                : environment.matchesProfiles("dev") ? "dev"
                : environment.getActiveProfiles().length > 0 ? environment.getActiveProfiles()[0] : "prod";
        String defaultName = switch (profile) {
            case "prod" -> "PRODUCTION";
            case "staging" -> "STAGING";
            case "dev" -> "DEVELOPMENT";
            default -> profile.toUpperCase(Locale.ROOT);
        };
        String defaultColor = switch (profile) {
            case "prod" -> PRODUCTION_RED;
            case "staging" -> STAGING_ORANGE;
            case "dev" -> DEVELOPMENT_GREEN;
            default -> NEUTRAL_GREY;
        };
        String name = properties.getName() == null || properties.getName().isBlank() ? defaultName
                : properties.getName().strip();
        String color = properties.getColor() == null ? defaultColor : properties.getColor();
        String text = properties.getTextColor() == null ? "#ffffff" : properties.getTextColor();
        boolean isProtected = properties.getProtectedEnvironment() != null ? properties.getProtectedEnvironment()
                : profile.equals("prod");
        boolean banner = properties.getBanner().isEnabled();
        return new EnvironmentInfo(name, color, text, isProtected, properties.getTypedConfirmationAbove(),
                banner && properties.isShowOnPublicPages(), banner);
    }

    /** The WCAG 2 contrast ratio of the text colour on the tint (1 to 21). */
    public double contrastRatio() {
        double a = luminance(color);
        double b = luminance(textColor);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
