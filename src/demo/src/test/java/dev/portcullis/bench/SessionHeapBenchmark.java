package dev.portcullis.bench;

import java.lang.management.ManagementFactory;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.nodefeature.ElementData;
import com.vaadin.flow.component.internal.UIInternals;
import com.vaadin.flow.internal.ConstantPool;
import com.vaadin.flow.internal.StateTree;
import com.vaadin.flow.server.VaadinSession;

import dev.portcullis.auth.AdminUserService;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.data.BookshopGenerator;
import dev.portcullis.testsupport.Bookshop;

import kotlin.jvm.functions.Function0;

/**
 * Heap retained per signed-in UI session with the book list open: N sessions of one servlet (Karibu-Testing, the
 * real views and services), live heap after GC before and after, divided by N, with the classes that grew most
 * (a class histogram diff per session). A UI that shows no view yet is measured too: what Vaadin keeps anyway. Not a test: run it with
 * {@code ./mvnw -Pbench test-compile exec:java -Dexec.mainClass=dev.portcullis.bench.SessionHeapBenchmark}.
 */
public final class SessionHeapBenchmark {

    private static final int SESSIONS = 50;
    private static final int TOP_CLASSES = 25;
    /**
     * Whether to do after each simulated request what Vaadin's {@code UidlWriter} does when it writes the response
     * (default). Karibu never writes one, so without this every change, JavaScript call and dependency stays queued in
     * its heap; {@code -Dbench.flush=false} measures that (the figures before 2026-12-03).
     */
    private static final boolean FLUSH = !"false".equals(System.getProperty("bench.flush"));

    private SessionHeapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // As deployed. In development mode Vaadin's component tracker keeps a stack trace of every component's
        // creation (about half of a session's heap); -Dvaadin.productionMode=false measures that mode instead.
        if (System.getProperty("vaadin.productionMode") == null) {
            System.setProperty("vaadin.productionMode", "true");
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DemoApplication.class).profiles("test")
                .run("--server.port=0", "--logging.level.root=WARN")) {
            Bookshop.ensure(app.getBean(JdbcTemplate.class), app.getBean(BookshopGenerator.class), 2_000);
            AdminUserService users = app.getBean(AdminUserService.class);
            users.createUser("heap-admin", "correct horse battery staple", true, true, false);
            var principal = app.getBean(UserDetailsService.class).loadUserByUsername("heap-admin");
            Authentication user = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                    principal.getAuthorities());
            MockVaadin.setMockRequestFactory(session -> new FakeRequest(session) {
                @Override
                public Principal getUserPrincipal() {
                    return SecurityContextHolder.getContext().getAuthentication();
                }

                @Override
                public boolean isUserInRole(String role) {
                    return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
                }
            });
            Function0<UI> uiFactory = UI::new;
            MockSpringServlet servlet = new MockSpringServlet(new Routes().autoDiscoverViews("dev.portcullis"), app,
                    uiFactory);
            List<Object> kept = new ArrayList<>();
            open(servlet, uiFactory, user, kept, "book"); // warm-up: classes, caches and the servlet itself
            open(servlet, uiFactory, user, kept, "");
            open(servlet, uiFactory, user, kept, null);
            // null: a signed-in session and UI that has shown nothing yet, i.e. Vaadin's (and Karibu's) own share
            for (String route : new String[] {null, "", "book"}) {
                Map<String, long[]> histogramBefore = histogram();
                long before = liveHeap();
                for (int i = 0; i < SESSIONS; i++) {
                    open(servlet, uiFactory, user, kept, route);
                }
                long after = liveHeap();
                System.out.printf("%d sessions on %s: %.1f KB live heap each (%,d -> %,d bytes)%n", SESSIONS,
                        route == null ? "no view (bare signed-in UI)" : route.isEmpty() ? "the dashboard"
                                : "the book list", (after - before) / 1024.0 / SESSIONS, before, after);
                printTopGrowth(histogramBefore, histogram());
                printNodes((UI) kept.getLast());
            }
            System.out.println("(responses " + (FLUSH ? "simulated: queued changes taken as UidlWriter does"
                    : "not simulated (-Dbench.flush=false): every change stays queued") + ")");
            System.out.println("(kept " + kept.size() + " sessions and UIs reachable while measuring)");
        }
        System.exit(0);
    }

    private static void open(MockSpringServlet servlet, Function0<UI> uiFactory, Authentication user,
            List<Object> kept, String route) {
        SecurityContextHolder.getContext().setAuthentication(user);
        MockVaadin.setup(uiFactory, servlet);
        VaadinSession session = VaadinSession.getCurrent();
        respond(UI.getCurrent());
        // As in the real application: the HTTP session holds the security context.
        session.getSession().setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(user));
        if (route != null) {
            UI.getCurrent().navigate(route);
            respond(UI.getCurrent());
        }
        kept.add(session);
        kept.add(UI.getCurrent());
    }

    /**
     * What {@code UidlWriter.createUidl} does to a UI when it writes a response, with the JSON thrown away: run the
     * pending access tasks and the before-client-response executions (the grid fetches its rows there), then take
     * the state tree's changes, the JavaScript invocations, the dependencies and style sheet removals, and the new
     * constants, so that they no longer wait in the UI as they never do in a served session.
     */
    private static void respond(UI ui) {
        if (!FLUSH) {
            return;
        }
        UIInternals internals = ui.getInternals();
        ui.getSession().getService().runPendingAccessTasks(ui.getSession());
        StateTree tree = internals.getStateTree();
        tree.runExecutionsBeforeClientResponse();
        for (int round = 0; round < 10 && tree.hasDirtyNodes(); round++) {
            tree.collectChanges(change -> {
            });
        }
        internals.dumpPendingJavaScriptInvocations();
        internals.getDependencyList().clearPendingSendToClient();
        internals.clearPendingStyleSheetRemovals();
        ConstantPool constants = internals.getConstantPool();
        if (constants.hasNewConstants()) {
            constants.dumpConstants();
        }
    }

    /**
     * Where one UI's state nodes are: the number of nodes (each an element, a text or a feature holder, with its
     * maps) per component that owns them, i.e. the nearest component up the tree; a node count is what the bytes
     * follow.
     */
    private static void printNodes(UI ui) {
        Map<String, int[]> owners = new HashMap<>();
        int[] total = {0};
        ui.getInternals().getStateTree().getRootNode().visitNodeTree(node -> {
            total[0]++;
            String owner = "(no component)";
            for (StateNode at = node; at != null; at = at.getParent()) {
                if (at.hasFeature(ElementData.class)) {
                    Component component = Element.get(at).getComponent().orElse(null);
                    if (component != null) {
                        owner = component.getClass().getName().replaceFirst("^.*\\.", "")
                                + (at == node ? "" : " (inner)");
                        break;
                    }
                }
            }
            owners.computeIfAbsent(owner, k -> new int[1])[0]++;
        });
        System.out.printf("   %d state nodes in one such UI; by owning component:%n", total[0]);
        owners.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0])).limit(30)
                .forEach(e -> System.out.printf("   %6d  %s%n", e.getValue()[0], e.getKey()));
    }

    /** Class name to {instances, bytes} of live objects (the histogram forces a full GC first). */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return classes;
    }

    /** The classes whose live bytes grew most, per session. */
    private static void printTopGrowth(Map<String, long[]> before, Map<String, long[]> after) {
        after.entrySet().stream().map(e -> Map.entry(e.getKey(), new long[] {
            e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
            e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(TOP_CLASSES)
                .forEach(e -> System.out.printf("   %8.1f KB %7.1f objects  %s%n", e.getValue()[1] / 1024.0 / SESSIONS,
                        e.getValue()[0] / (double) SESSIONS, e.getKey()));
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
