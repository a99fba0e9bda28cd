package dev.portcullis.admin.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;

/**
 * Small repairs to Vaadin components, each run in the browser through {@code executeJs} (no inline script, so the
 * Content-Security-Policy stays as it is) and each proven by {@code AccessibilityIT}.
 */
final class Accessibility {

    private static final String ENTER_OPENS_ROWS = """
            if (this.__pcEnterOpens) { return; }
            this.__pcEnterOpens = true;
            this.addEventListener('keydown', e => {
              if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
              const target = e.composedPath()[0];
              // Only in the grid's navigation mode (a cell or row has the focus), never inside an editor or a
              // checkbox, and only for body rows (Enter on a header cell sorts).
              if (!target || (target.localName !== 'td' && target.localName !== 'tr')) { return; }
              const context = this.getEventContext(e);
              if (!context || context.section !== 'body' || !context.item) { return; }
              e.preventDefault();
              e.stopPropagation();
              target.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
            });
            """;

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

    /**
     * Keyboard access to a grid whose rows open on a click: Enter on a focused row opens it, as Space (Vaadin's own
     * activation key) and a click do. The server sees the same item click a mouse makes, so rights are checked
     * exactly as for a click.
     */
    static void openRowsWithEnter(Grid<?> grid) {
        grid.getElement().executeJs(ENTER_OPENS_ROWS);
    }

    /** A select that screen readers announce as a combobox, so its required state is allowed (see above). */
    static void selectAsCombobox(Select<?> select) {
        select.getElement().executeJs(SELECT_AS_COMBOBOX);
    }
}
