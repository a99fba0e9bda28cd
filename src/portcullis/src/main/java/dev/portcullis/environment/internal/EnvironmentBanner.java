package dev.portcullis.environment.internal;

import dev.portcullis.i18n.Messages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;

/**
 * A full-width strip in the environment's colours with its name, for pages outside the main layout (sign-in,
 * password change, the second-factor steps). Marked as a landmark so screen readers announce it; such a page puts
 * its content beside it in {@link #main(Component...)}, so every landmark stays top-level.
 */
public class EnvironmentBanner extends Div {

    public EnvironmentBanner(EnvironmentInfo environment) {
        setText(environment.name());
        addClassName("pc-environment-banner");
        getElement().setAttribute("role", "banner");
        getElement().setAttribute("aria-label", Messages.get("environment.banner", environment.name()));
        getStyle().set("background", environment.color()).set("color", environment.textColor());
        setVisible(environment.showOnPublicPages());
    }

    /** The page's one {@code <main>}, holding everything but the banner. */
    public static Main main(Component... content) {
        Main main = new Main(content);
        main.addClassName("pc-public-main");
        return main;
    }
}
