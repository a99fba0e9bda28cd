package dev.portcullis.admin.ui.internal;

import com.vaadin.flow.component.select.Select;

/**
 * Small repairs to Vaadin components, each run in the browser through {@code executeJs} (no inline script, so the
 * Content-Security-Policy stays as it is) and each proven by {@code AccessibilityIT}.
 */
final class Accessibility {

    /*
     * A required select marks its value button aria-required, which ARIA does not allow on a button (axe:
     * aria-allowed-attr, critical). The button already behaves as the ARIA 1.2 select-only combobox (aria-haspopup
     * listbox, aria-expanded), and that role does take aria-required, so it gets that role.
     */
    private static final String SELECT_AS_COMBOBOX = """
            const apply = () => {
              const button = this.querySelector('vaadin-select-value-button');
              if (button) { button.setAttribute('role', 'combobox'); } else { requestAnimationFrame(apply); }
            };
            apply();
            """;

    private Accessibility() {
    }

    /** A select that screen readers announce as a combobox, so its required state is allowed (see above). */
    static void selectAsCombobox(Select<?> select) {
        select.getElement().executeJs(SELECT_AS_COMBOBOX);
    }
}
