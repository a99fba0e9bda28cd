package dev.portcullis.admin.ui.internal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page shell of the admin: Lumo plus our own stylesheet from {@code frontend/}, no frontend bundle build.
 * Every stylesheet is addressed relative to the admin path ({@code base://}), never the site root. Light or dark
 * follows the system's preference ({@code prefers-color-scheme}) until the user picks one in their menu.
 */
@ColorScheme(ColorScheme.Value.SYSTEM)
@StyleSheet("base://" + Lumo.STYLESHEET)
@StyleSheet("base://" + Lumo.UTILITY_STYLESHEET)
@StyleSheet("base://themes/portcullis/portcullis.css")
@Meta(name = "robots", content = "noindex, nofollow")
@Meta(name = "referrer", content = "same-origin")
public class AdminAppShell implements AppShellConfigurator {
}
