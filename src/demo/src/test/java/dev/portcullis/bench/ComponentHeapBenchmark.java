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
        List<Component> kept = new ArrayList<>();
        for (var kind : kinds.entrySet()) {
            Div holder = new Div();
            UI.getCurrent().add(holder);
            respond();
            long before = liveHeap();
            for (int i = 0; i < N; i++) {
                Component component = kind.getValue().get();
                holder.add(component);
                kept.add(component);
            }
            respond();
            long after = liveHeap();
            System.out.printf("%8.2f KB  %s%n", (after - before) / 1024.0 / N, kind.getKey());
        }
        System.out.println("(" + kept.size() + " components kept)");
        System.exit(0);
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
