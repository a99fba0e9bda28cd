package dev.portcullis.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * What one component of a kind costs in a UI's heap, attached and after a simulated response (as
 * {@link SessionHeapBenchmark} does): N of them in one UI, live heap after GC before and after, divided by N. Tells
 * which parts of a screen are worth making on demand or as plain elements. Not a test: run it with
 * {@code -Dbench.main=dev.portcullis.bench.ComponentHeapBenchmark} (production mode, no Spring).
 */
public final class ComponentHeapBenchmark {

    private static final int N = 400;

    private ComponentHeapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("vaadin.productionMode", "true");
        MockVaadin.setup(new Routes());
        Map<String, Supplier<Component>> kinds = new LinkedHashMap<>();
        kinds.put("Span with text", () -> new Span("Some text"));
        kinds.put("Div, empty", Div::new);
        kinds.put("Icon (VaadinIcon.create)", () -> VaadinIcon.ANGLE_LEFT.create());
        kinds.put("Button with text, no listener", () -> new Button("Next"));
        kinds.put("Button with text and a click listener", () -> new Button("Next", click -> { }));
        kinds.put("Button with text, icon, listener, aria-label, theme", () -> {
            Button button = new Button("Next", VaadinIcon.ANGLE_RIGHT.create(), click -> { });
            button.setAriaLabel("Next page");
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return button;
        });
        kinds.put("Anchor with text and href", () -> new Anchor("book?p=2", "2"));
        kinds.put("Html of one link", () -> new Html("<a router-link href=\"book?p=2\">2</a>"));
        kinds.put("Checkbox with label and listener", () -> {
            Checkbox box = new Checkbox("With BOM");
            box.addValueChangeListener(change -> { });
            return box;
        });
        kinds.put("TextField", TextField::new);
        kinds.put("BigDecimalField", BigDecimalField::new);
        kinds.put("HorizontalLayout, empty", HorizontalLayout::new);
        kinds.put("Details with summary", () -> new Details("Filters"));
        kinds.put("SideNavItem with icon", () -> {
            SideNavItem item = new SideNavItem("Books", "book");
            item.setPrefixComponent(VaadinIcon.BOOK.create());
            return item;
        });
        kinds.put("Grid: 6 text columns, 50 rows, multi-select, all rows visible (per grid)", () -> grid(6, 50, true));
        kinds.put("Grid: 6 text columns, 50 rows, no selection column (per grid)", () -> grid(6, 50, false));
        kinds.put("Grid: 6 text columns, no rows (per grid)", () -> grid(6, 0, false));
        kinds.put("Grid: 1 text column, 50 rows (per grid)", () -> grid(1, 50, false));
        for (int level = 0; level <= 5; level++) {
            int upTo = level;
            kinds.put("Grid: 6 columns no rows, column steps up to " + List.of("addColumn", "+ header", "+ key",
                    "+ sortable", "+ resizable", "+ width, flexGrow, autoWidth").get(level), () -> columns(upTo));
        }
        kinds.put("Grid, empty, no columns (per grid)", () -> new Grid<Integer>());
        List<Component> kept = new ArrayList<>();
        for (var kind : kinds.entrySet()) {
            Div holder = new Div();
            UI.getCurrent().add(holder);
            respond();
            long before = liveHeap();
            int n = kind.getKey().startsWith("Grid") ? N / 10 : N;
            for (int i = 0; i < n; i++) {
                Component component = kind.getValue().get();
                holder.add(component);
                kept.add(component);
            }
            respond();
            long after = liveHeap();
            System.out.printf("%8.2f KB  %s%n", (after - before) / 1024.0 / n, kind.getKey());
        }
        System.out.println("(" + kept.size() + " components kept)");
        System.exit(0);
    }

    private static Grid<Integer> grid(int columns, int rows, boolean multi) {
        Grid<Integer> grid = new Grid<>();
        for (int c = 0; c < columns; c++) {
            int column = c;
            grid.addColumn(row -> "cell " + row + "/" + column).setHeader("Column " + c).setKey("c" + c)
                    .setSortable(true).setResizable(true);
        }
        if (multi) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
        }
        grid.setAllRowsVisible(true);
        grid.setItems(java.util.stream.IntStream.range(0, rows).boxed().toList());
        return grid;
    }

    private static Grid<Integer> columns(int level) {
        Grid<Integer> grid = new Grid<>();
        for (int c = 0; c < 6; c++) {
            int column = c;
            Grid.Column<Integer> col = grid.addColumn(row -> "cell " + row + "/" + column);
            if (level >= 1) {
                col.setHeader("Column " + c);
            }
            if (level >= 2) {
                col.setKey("c" + c);
            }
            col.setSortable(level >= 3);
            if (level >= 4) {
                col.setResizable(true);
            }
            if (level >= 5) {
                col.setWidth("11em");
                col.setFlexGrow(1);
                col.setAutoWidth(false);
            }
        }
        return grid;
    }

    private static void respond() {
        var internals = UI.getCurrent().getInternals();
        internals.getStateTree().runExecutionsBeforeClientResponse();
        for (int round = 0; round < 10 && internals.getStateTree().hasDirtyNodes(); round++) {
            internals.getStateTree().collectChanges(change -> {
            });
        }
        internals.dumpPendingJavaScriptInvocations();
        internals.getDependencyList().clearPendingSendToClient();
        if (internals.getConstantPool().hasNewConstants()) {
            internals.getConstantPool().dumpConstants();
        }
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
