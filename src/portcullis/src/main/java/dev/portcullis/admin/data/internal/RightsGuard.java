package dev.portcullis.admin.data.internal;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.model.internal.Wording;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;

import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.GrantedRights;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.EntityLabels;

/**
 * The rule that nobody grants beyond their own rights, for entities whose admin declares
 * {@link dev.portcullis.admin.ModelAdmin#rights()}: compares what a row grants before and after a save with what the
 * editor holds. Superusers hold every right.
 */
final class RightsGuard {

    private static final Logger log = LoggerFactory.getLogger(RightsGuard.class);

    private RightsGuard() {
    }

    /**
     * Why the editor may not save this row, in words for them; null when they may.
     *
     * @param stored the row as stored, or null for a new row
     * @param submitted the row as the editor wants it saved
     */
    static <T> String refusal(AdminModel<T> model, T stored, T submitted, Authentication editor) {
        GrantedRights<T> rights = model.admin().rights();
        if (rights == null || editor == null || AdminPermissions.grants(editor, AdminPermissions.SUPERUSER)) {
            return null;
        }
        Set<String> before = stored == null ? Set.of() : new TreeSet<>(rights.of(stored));
        Set<String> added = new TreeSet<>(rights.of(submitted));
        added.removeAll(before);
        String label = Wording.noun(model);
        String why = null;
        String logged = null; // the reason for the log, which stays in English
        List<String> unheld = lacking(before, editor);
        List<String> beyond = lacking(added, editor);
        if (!unheld.isEmpty()) {
            why = Messages.get("admin.rights.cannot-change", label, words(unheld));
            logged = "it grants rights the editor does not hold (" + unheld + ")";
        } else if (beyond.contains(AdminPermissions.SUPERUSER)) {
            why = Messages.get("admin.rights.only-superusers");
            logged = "only superusers can make someone a superuser";
        } else if (!beyond.isEmpty()) {
            why = Messages.get("admin.rights.cannot-grant", words(beyond));
            logged = "it would grant rights the editor does not hold (" + beyond + ")";
        } else if (!added.isEmpty() && ((stored != null && rights.appliesTo(stored, editor))
                || rights.appliesTo(submitted, editor))) {
            why = Messages.get("admin.rights.cannot-raise-own", words(added));
            logged = "the editor would raise their own rights (" + added + ")";
        }
        if (why != null) {
            log.warn("Refused a save of {} '{}' by '{}': {}", model.label().toLowerCase(Locale.ROOT),
                    EntityLabels.of(stored != null ? stored : submitted), editor.getName(), logged);
        }
        return why;
    }

    /**
     * Why the editor may not delete this row or run an action on it, in words for them; null when they may. A row
     * that grants rights the editor lacks (a superuser, a role with rights they do not hold) is out of their reach.
     */
    static <T> String refusalToTouch(AdminModel<T> model, T row, Authentication editor, String verb) {
        GrantedRights<T> rights = model.admin().rights();
        if (rights == null || editor == null || AdminPermissions.grants(editor, AdminPermissions.SUPERUSER)) {
            return null;
        }
        List<String> unheld = lacking(new TreeSet<>(rights.of(row)), editor);
        if (unheld.isEmpty()) {
            return null;
        }
        String why = "delete".equals(verb) ? Messages.get("admin.rights.cannot-delete", Wording.noun(model), words(unheld))
                : Messages.get("admin.rights.cannot-change", Wording.noun(model), words(unheld));
        log.warn("Refused to {} {} '{}' for '{}': it grants rights the editor does not hold ({})", verb,
                model.label().toLowerCase(Locale.ROOT), EntityLabels.of(row), editor.getName(), unheld);
        return why;
    }

    private static List<String> lacking(Set<String> rights, Authentication editor) {
        return rights.stream().filter(right -> !AdminPermissions.grants(editor, right)).toList();
    }

    /** Rights as an administrator reads them: "superuser", "staff", "book:change". */
    static String words(List<String> rights) {
        return String.join(", ", rights.stream().map(right -> switch (right) {
            case AdminPermissions.SUPERUSER -> Messages.get("admin.rights.superuser");
            case AdminPermissions.STAFF -> Messages.get("admin.rights.staff");
            default -> right;
        }).toList());
    }

    static String words(Set<String> rights) {
        return words(List.copyOf(rights));
    }
}
