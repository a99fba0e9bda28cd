package dev.portcullis.admin.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * Keyboard access to grids whose rows open on a click: Enter on a focused row opens it, as Space (Vaadin's own
 * activation key) and a click do. Runs in the browser, attached once through {@code executeJs}; the server sees the
 * same item click a mouse makes, so rights are checked exactly as for a click.
 */
final class GridKeys {

    private static final String SCRIPT = """
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

    private GridKeys() {
    }

    /** Lets Enter open the focused row of the given grid, for a grid with an item click listener. */
    static void openRowsWithEnter(Grid<?> grid) {
        grid.getElement().executeJs(SCRIPT);
    }
}
