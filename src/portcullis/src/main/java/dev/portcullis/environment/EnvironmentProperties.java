package dev.portcullis.environment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which environment this is and how loudly to say so ({@code portcullis.environment.*}). Unset values follow the
 * active profile: {@code dev} is DEVELOPMENT in green, {@code staging} STAGING in orange, {@code prod} PRODUCTION
 * in red.
 */
@ConfigurationProperties("portcullis.environment")
public class EnvironmentProperties {

    /** Label shown in the header and the browser title, e.g. PRODUCTION. */
    private String name;

    /** Header tint, as #rrggbb. */
    private String color;

    /** Text colour on the tint, as #rrggbb; it must keep WCAG AA contrast (4.5:1) with the tint. */
    private String textColor;

    /**
     * Whether destructive actions need extra confirmation here (true for prod unless set): they name the
     * environment, and large deletes require typing its name.
     */
    private Boolean protectedEnvironment;

    /** In a protected environment, deleting more rows than this at once requires typing the environment name. */
    private int typedConfirmationAbove = 10;

    /** Show the environment banner on pages seen before sign-in (login, error pages). */
    private boolean showOnPublicPages = true;

    /** The environment's banner: the strip on sign-in and error pages and the header's badge and tint. */
    private final Banner banner = new Banner();

    /**
     * Production guards to override in an emergency, by id (e.g. {@code demo-data}). Every override is logged at
     * start-up. Never set this routinely.
     */
    private java.util.List<String> allowUnsafe = new java.util.ArrayList<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getColor() {
        return color;
    }

    public void setColor(String color) {
        this.color = checkColor("color", color);
    }

    public String getTextColor() {
        return textColor;
    }

    public void setTextColor(String textColor) {
        this.textColor = checkColor("text-color", textColor);
    }

    public Boolean getProtectedEnvironment() {
        return protectedEnvironment;
    }

    public void setProtectedEnvironment(Boolean protectedEnvironment) {
        this.protectedEnvironment = protectedEnvironment;
    }

    public int getTypedConfirmationAbove() {
        return typedConfirmationAbove;
    }

    public void setTypedConfirmationAbove(int typedConfirmationAbove) {
        if (typedConfirmationAbove < 0) {
            throw new IllegalArgumentException("'portcullis.environment.typed-confirmation-above' must be 0 or more");
        }
        this.typedConfirmationAbove = typedConfirmationAbove;
    }

    public boolean isShowOnPublicPages() {
        return showOnPublicPages;
    }

    public void setShowOnPublicPages(boolean showOnPublicPages) {
        this.showOnPublicPages = showOnPublicPages;
    }

    public Banner getBanner() {
        return banner;
    }

    /** {@code portcullis.environment.banner.*}: whether the environment is shown as a coloured banner at all. */
    public static class Banner {

        /**
         * Show the environment's banner: the coloured strip on sign-in and error pages and the header's badge and
         * tint. Off, pages look the same in every environment (the browser title still names it).
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    public java.util.List<String> getAllowUnsafe() {
        return allowUnsafe;
    }

    public void setAllowUnsafe(java.util.List<String> allowUnsafe) {
        this.allowUnsafe = allowUnsafe;
    }

    private static String checkColor(String property, String value) {
        if (value != null && !value.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("'portcullis.environment." + property + "' must be a colour as #rrggbb, e.g."
                    + " #c62828 (was '" + value + "')");
        }
        return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
    }
}
