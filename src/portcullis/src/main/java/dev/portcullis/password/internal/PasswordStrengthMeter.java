package dev.portcullis.password.internal;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.portcullis.password.PasswordCheck;
import dev.portcullis.i18n.Messages;
import dev.portcullis.password.PasswordPolicy;

/**
 * A live strength meter for a password field, in plain Java and CSS: a five-step bar, a label (Very weak … Very
 * strong), the estimated time to crack the password offline, zxcvbn's warning and suggestions, and the policy
 * rules that still fail. It updates shortly after typing stops and announces changes to screen readers. The
 * field keeps its show/hide button, and pasting (from a password manager) works as usual.
 *
 * <p>The meter only advises: whatever it shows, the server checks the password again when it is saved.
 */
public class PasswordStrengthMeter extends Div {

    static final int DEBOUNCE_MS = 250;

    private final PasswordPolicy policy;
    private final Supplier<List<String>> userInputs;
    private final Div bar = new Div();
    final Span label = new Span();
    final Span crackTime = new Span();
    final UnorderedList failing = new UnorderedList();
    final UnorderedList advice = new UnorderedList();
    private PasswordCheck last;
    private Consumer<PasswordCheck> onChange = check -> { };

    /**
     * @param field the password field to watch
     * @param userInputs the user's username, e-mail and name, read at each check
     */
    public PasswordStrengthMeter(PasswordField field, PasswordPolicy policy, Supplier<List<String>> userInputs) {
        this.policy = policy;
        this.userInputs = userInputs;
        addClassName("pc-strength");
        bar.addClassName("pc-strength-bar");
        for (int i = 0; i < 5; i++) {
            Div step = new Div();
            step.addClassName("pc-strength-step");
            bar.add(step);
        }
        bar.getElement().setAttribute("role", "meter");
        bar.getElement().setAttribute("aria-valuemin", "0");
        bar.getElement().setAttribute("aria-valuemax", "4");
        bar.getElement().setAttribute("aria-label", Messages.get("password.meter.label"));
        label.addClassName("pc-strength-label");
        crackTime.addClassName("pc-strength-time");
        failing.addClassName("pc-strength-failing");
        advice.addClassName("pc-strength-advice");
        Div summary = new Div(label, crackTime);
        summary.addClassName("pc-strength-summary");
        // Screen readers hear the new verdict when typing pauses, without losing their place.
        summary.getElement().setAttribute("aria-live", "polite");
        add(bar, summary, failing, advice);

        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(DEBOUNCE_MS);
        field.addValueChangeListener(change -> update(change.getValue()));
        update(field.getValue());
    }

    /** Called with every new verdict, e.g. to enable a Save button only while the password is acceptable. */
    public void onChange(Consumer<PasswordCheck> listener) {
        this.onChange = listener;
        listener.accept(last);
    }

    /** The verdict on the current value. */
    public PasswordCheck check() {
        return last;
    }

    void update(String password) {
        last = policy.check(password, userInputs.get());
        boolean empty = password == null || password.isEmpty();
        int level = empty ? -1 : last.score();
        bar.getElement().setAttribute("data-level", String.valueOf(level));
        bar.getElement().setAttribute("aria-valuenow", String.valueOf(Math.max(level, 0)));
        bar.getElement().setAttribute("aria-valuetext", empty ? Messages.get("password.meter.empty") : last.label());
        label.setText(empty ? Messages.get("password.meter.type") : last.label());
        crackTime.setText(empty || last.crackTime().isEmpty() ? ""
                : Messages.get("password.meter.crack-time", last.crackTime()));
        failing.removeAll();
        if (!empty) {
            last.problems().forEach(problem -> failing.add(new ListItem(problem)));
        }
        advice.removeAll();
        if (!empty && !last.warning().isBlank() && last.accepted()) {
            advice.add(new ListItem(last.warning()));
        }
        if (!empty) {
            last.suggestions().forEach(suggestion -> advice.add(new ListItem(suggestion)));
        }
        onChange.accept(last);
    }
}
