package dev.portcullis.environment.internal;

import com.vaadin.flow.component.html.Div;

/**
 * A full-width strip in the environment's colours with its name, for pages outside the main layout (sign-in,
 * password change, the second-factor steps). Marked as a landmark so screen readers announce it.
 */
public class EnvironmentBanner extends Div {

    public EnvironmentBanner(EnvironmentInfo environment) {
        setText(environment.name());
        addClassName("pc-environment-banner");
        getElement().setAttribute("role", "banner");
        getElement().setAttribute("aria-label", "Environment: " + environment.name());
        getStyle().set("background", environment.color()).set("color", environment.textColor());
        setVisible(environment.showOnPublicPages());
    }
}
