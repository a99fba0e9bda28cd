package dev.portcullis.admin.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;

import dev.portcullis.admin.AdminAction;
import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.data.ActionOutcome;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.CappedCount;
import dev.portcullis.admin.data.DeletionPreview;
import dev.portcullis.admin.data.ListQuery;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.i18n.Messages;

/**
 * The list's bulk controls: "Delete selected", the model's own actions, and "select all N matching". Work runs in
 * bounded batches (one transaction each) driven by the UI's poll requests, with a progress bar; no push needed.
 */
public final class BulkBar<T> extends HorizontalLayout {

    private final AdminModel<T> model;
    private final AdminEntityService service;
    private final EnvironmentInfo environment;
    private final int batchSize;
    private final Grid<Object> grid;
    private final Supplier<ListQuery> query;
    private final Runnable afterwards;

    public final Button deleteSelected = new Button(Messages.get("list.bulk.deleteSelected"));
    public final List<Button> actionButtons = new ArrayList<>();
    public final Button selectAllMatching = new Button();
    public final Span selection = new Span();
    /** The progress dialog and its parts: made when a job needs more than one batch, not for every list shown. */
    ProgressBar progress;
    Span progressText;
    Dialog progressDialog;
    public BulkJob job;
    boolean allMatching;
    private CappedCount matching = new CappedCount(0, false);
    private boolean morePages;
    private Registration polling;
    private String lastActionMessage;
    private int actionChanged;
    private static final int EXAMPLES = 5;

    public BulkBar(AdminModel<T> model, AdminEntityService service, EnvironmentInfo environment, int batchSize,
            Grid<Object> grid, Supplier<ListQuery> query, Runnable afterwards) {
        this.model = model;
        this.service = service;
        this.environment = environment;
        this.batchSize = batchSize;
        this.grid = grid;
        this.query = query;
        this.afterwards = afterwards;
        addClassName("pc-actions");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        var user = SecurityContextHolder.getContext().getAuthentication();
        if (model.editable() && service.can(model, AdminOperation.DELETE)) {
            deleteSelected.setId("delete-selected");
            deleteSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
            deleteSelected.addClickListener(click -> confirmDelete());
            add(deleteSelected);
        }
        for (AdminAction<T> action : model.actions()) {
            if (AdminPermissions.grants(user, action.permission())) {
                Button button = new Button(action.label(), click -> askThenRun(action));
                actionButtons.add(button);
                add(button);
            }
        }
        selectAllMatching.setId("select-all-matching");
        selectAllMatching.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        selectAllMatching.addClickListener(click -> {
            allMatching = !allMatching;
            showSelection();
        });
        selection.addClassName("pc-selection");
        add(selection, selectAllMatching);
        setVisible(hasControls());
        if (hasControls()) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            grid.addSelectionListener(change -> {
                if (change.isFromClient() || !change.getAllSelectedItems().isEmpty()) {
                    allMatching = allMatching && isWholePageSelected();
                }
                showSelection();
            });
        }
        showSelection();
    }

    boolean hasControls() {
        return getComponentCount() > 2;
    }

    /** After the list shows a new page: forget "all matching" and learn how many rows match now. */
    public void listed(CappedCount matching, boolean morePages) {
        this.matching = matching;
        this.morePages = morePages;
        allMatching = false;
        showSelection();
    }

    private boolean isWholePageSelected() {
        long onPage = grid.getGenericDataView().getItems().count();
        return onPage > 0 && grid.getSelectedItems().size() == onPage;
    }

    private void showSelection() {
        int selected = grid.getSelectedItems().size();
        boolean any = selected > 0;
        deleteSelected.setEnabled(any);
        actionButtons.forEach(b -> b.setEnabled(any));
        selection.setText(allMatching ? Messages.get("list.bulk.allSelected", matchingText())
                : any ? Messages.get("list.bulk.selected", ListTexts.number(selected)) : "");
        selectAllMatching.setVisible(morePages && isWholePageSelected());
        selectAllMatching.setText(allMatching ? Messages.get("list.bulk.selectPage")
                : Messages.get("list.bulk.selectAll", matchingText()));
    }

    /** "42 books", "10,000+ books": the rows matching the list's search and filters. */
    private String matchingText() {
        return ListTexts.count(matching, model.label(), model.pluralLabel());
    }

    private List<Object> selectedIds() {
        return grid.getSelectedItems().stream().map(row -> PropertyValues.id(model, row)).toList();
    }

    private long total() {
        return allMatching ? (matching.capped() ? -1 : matching.value()) : grid.getSelectedItems().size();
    }

    /** The ids to work on, a batch at a time: the selection, or every matching row walked in id order. */
    private Supplier<List<Object>> source() {
        if (!allMatching) {
            return BulkJob.batchesOf(selectedIds(), batchSize);
        }
        ListQuery frozen = query.get();
        Object[] after = {null};
        return () -> {
            List<Object> ids = service.matchingIds(model, frozen, after[0], batchSize);
            if (!ids.isEmpty()) {
                after[0] = ids.getLast();
            }
            return ids;
        };
    }

    private String describeRows() {
        return allMatching ? Messages.get("list.bulk.allMatching", matchingText())
                : ListTexts.count(new CappedCount(grid.getSelectedItems().size(), false), model.label(),
                        model.pluralLabel());
    }

    void confirmDelete() {
        List<Object> previewIds = allMatching
                ? service.matchingIds(model, query.get(), null, AdminEntityService.COUNT_LIMIT) : selectedIds();
        DeletionPreview preview = service.previewDelete(model, previewIds);
        List<Component> notes = allMatching && matching.capped()
                ? List.of(new Paragraph(Messages.get("list.bulk.countedFirst", ListTexts.number(previewIds.size()))))
                : List.of();
        long rows = allMatching ? Math.max(matching.value(), previewIds.size()) : previewIds.size();
        DeleteConfirmation.open(describeRows(), true, rows, preview, environment, notes, "confirm-bulk-delete",
                () -> start(new BulkJob(Messages.get("list.bulk.deleted"), ListTexts.lower(model.pluralLabel()), source(),
                        ids -> service.deleteBatch(model, ids), total())));
    }

    /**
     * Actions that change data (the default) ask first: how many rows, the first few by label, where you are. Cancel
     * has the focus, so Enter or a stray key press does not run it.
     */
    void askThenRun(AdminAction<T> action) {
        if (!action.confirmation()) {
            runAction(action);
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(environment.protectedEnvironment()
                ? Messages.get("list.bulk.runIn", action.label(), describeRows(), environment.name())
                : Messages.get("list.bulk.run", action.label(), describeRows()));
        List<String> labels = grid.getSelectedItems().stream().limit(EXAMPLES).map(EntityLabels::of).toList();
        long rows = total();
        Div text = new Div(new Paragraph(rows == 1 ? Messages.get("list.bulk.appliedToOne")
                : rows < 0 ? Messages.get("list.bulk.appliedToUncounted")
                : rows > labels.size() ? Messages.get("list.bulk.appliedToAmong", ListTexts.number(rows))
                : Messages.get("list.bulk.appliedTo", ListTexts.number(rows))));
        UnorderedList list = new UnorderedList();
        labels.forEach(label -> list.add(new ListItem(label)));
        if (rows < 0 || rows > labels.size()) {
            list.add(new ListItem("…"));
        }
        text.add(list);
        dialog.setText(text);
        Button cancel = new Button(Messages.get("common.cancel"), click -> dialog.close());
        cancel.setId("cancel-action");
        cancel.setAutofocus(true);
        dialog.setCancelable(true);
        dialog.setCancelButton(cancel);
        Button confirm = new Button(action.label(), click -> {
            dialog.close();
            runAction(action);
        });
        confirm.setId("confirm-action");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.setConfirmButton(confirm);
        dialog.open();
    }

    void runAction(AdminAction<T> action) {
        lastActionMessage = null;
        actionChanged = 0;
        start(new BulkJob(Messages.get("list.bulk.ran", action.label()), ListTexts.lower(model.pluralLabel()), source(),
                ids -> {
                    ActionOutcome outcome = service.runActionCounted(model, action, ids);
                    lastActionMessage = outcome.message();
                    actionChanged += outcome.changedRows();
                    return ids.size();
                }, total()));
    }

    /** Runs the first batch at once; when more follow, shows progress and runs one batch per poll request. */
    private void start(BulkJob next) {
        job = next;
        if (!job.step()) {
            finish();
            return;
        }
        UI ui = UI.getCurrent();
        if (progressDialog == null) {
            progressDialog = progressDialog();
        }
        progressDialog.open();
        showProgress();
        polling = ui.addPollListener(poll -> advance());
        ui.setPollInterval(300);
    }

    private Dialog progressDialog() {
        progress = new ProgressBar();
        progressText = new Span();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Messages.get("list.bulk.working"));
        dialog.setCloseOnOutsideClick(false);
        dialog.setCloseOnEsc(false);
        Button stop = new Button(Messages.get("list.bulk.stop"), click -> job.cancel());
        dialog.add(new Div(progressText), progress);
        dialog.getFooter().add(stop);
        return dialog;
    }

    /** One more batch (called on each poll request; tests call it directly). */
    public void advance() {
        if (job == null) {
            return;
        }
        if (job.step()) {
            showProgress();
        } else {
            finish();
        }
    }

    private void showProgress() {
        double value = job.progress();
        progress.setIndeterminate(value < 0);
        if (value >= 0) {
            progress.setValue(value);
        }
        progressText.setText(job.status());
    }

    private void finish() {
        if (polling != null) {
            polling.remove();
            polling = null;
            UI.getCurrent().setPollInterval(-1);
        }
        if (progressDialog != null) {
            progressDialog.close();
        }
        String report = job.report();
        boolean oneBatchOfAnAction = lastActionMessage != null && !job.failed() && job.done() <= batchSize;
        boolean changedNothing = lastActionMessage != null && actionChanged == 0;
        if (lastActionMessage != null && !oneBatchOfAnAction && !job.failed()) {
            report = report + " " + Messages.get("list.bulk.changed", actionChanged);
        }
        Notification notification = Notification.show(oneBatchOfAnAction ? lastActionMessage : report,
                job.failed() ? 15_000 : 5_000, Notification.Position.BOTTOM_START);
        // An action that changed nothing ("0 of 3 marked") is not a success: say it in the warning colour.
        notification.addThemeVariants(job.failed() ? NotificationVariant.LUMO_ERROR
                : changedNothing ? NotificationVariant.LUMO_WARNING : NotificationVariant.LUMO_SUCCESS);
        lastVariant = notification.getThemeNames().stream().findFirst().orElse("");
        lastReport = report;
        job = null;
        grid.deselectAll();
        allMatching = false;
        afterwards.run();
    }

    /** The report of the last finished job (for the user's notification, and tests). */
    public String lastReport;

    /** The theme of the last job's notification ("success", "warning", "error"), for tests. */
    public String lastVariant;
}
