package dev.portcullis.admin.data.internal;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.model.internal.Wording;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.StaleStateException;

import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.internal.HumanMessages;
import dev.portcullis.admin.model.internal.Names;
import dev.portcullis.admin.model.internal.ValueLabels;

import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import dev.portcullis.admin.data.SaveRejectedException;

/**
 * Turns what the persistence layer throws on a save into a {@link SaveRejectedException} written for people:
 * the stale-version message, Bean Validation messages at their fields, and database refusals (unique, foreign
 * key, check, not null) as a sentence naming the attribute where it can be found. Never SQL, constraint names or
 * exception text.
 */
final class SaveFailures {

    /** A column list in a database message: "(name)" from PostgreSQL, "(NAME NULLS FIRST)" from H2. */
    private static final Pattern COLUMNS = Pattern.compile("\\(([a-z0-9_]+(?: nulls (?:first|last))?"
            + "(?:, ?[a-z0-9_]+(?: nulls (?:first|last))?)*)\\)");

    /** A column named in quotes, as H2 has it: 'Value too long for column "LAST_NAME CHARACTER VARYING(30)"'. */
    private static final Pattern QUOTED_COLUMN = Pattern.compile("column \"([a-z0-9_]+)");

    private SaveFailures() {
    }

    /** The translation, or empty for a failure that is not a refusal (a bug, an outage): that one propagates. */
    static Optional<SaveRejectedException> translate(AdminModel<?> model, RuntimeException failure) {
        String what = Wording.noun(model);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case OptimisticLockException stale -> {
                    return Optional.of(stale(what, failure));
                }
                case StaleStateException stale -> {
                    return Optional.of(stale(what, failure));
                }
                case org.springframework.dao.OptimisticLockingFailureException stale -> {
                    return Optional.of(stale(what, failure));
                }
                case ConstraintViolationException invalid -> {
                    return Optional.of(invalid(model, invalid));
                }
                case org.hibernate.exception.ConstraintViolationException refused -> {
                    return Optional.of(refused(model, refused));
                }
                case org.hibernate.exception.DataException outOfRange -> {
                    return Optional.of(outOfRange(model, outOfRange));
                }
                default -> {
                    // look further down the chain
                }
            }
        }
        return Optional.empty();
    }

    static SaveRejectedException stale(String what, Throwable cause) {
        return new SaveRejectedException(Messages.get("admin.save.stale", what), true, cause);
    }

    private static SaveRejectedException invalid(AdminModel<?> model, ConstraintViolationException invalid) {
        Map<String, String> atFields = new LinkedHashMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
            String path = String.valueOf(violation.getPropertyPath());
            String message = HumanMessages.of(violation);
            boolean ownRow = violation.getRootBeanClass() == model.entityClass()
                    || model.entityClass().isAssignableFrom(violation.getRootBeanClass());
            boolean onForm = ownRow && model.formFields().stream()
                    .anyMatch(f -> f.path().equals(path) && !f.readOnly());
            if (onForm) {
                atFields.putIfAbsent(path, message);
            } else {

                String name = path.matches("\\w+") ? ValueLabels.attribute(violation.getRootBeanClass(), path)
                        : Names.humanize(path.replace('.', ' '));
                elsewhere.add(ownRow ? Messages.get("admin.save.field-problem", name, message)
                        : Messages.get("admin.save.row-field-problem", EntityLabels.of(violation.getRootBean()), name,
                                message));
            }
        }
        String text = elsewhere.isEmpty() ? Messages.get("admin.form.correct-errors")
                : Messages.get("admin.save.invalid", Wording.noun(model), String.join("; ", elsewhere));
        return new SaveRejectedException(text, false, atFields, invalid);
    }

    private static SaveRejectedException refused(AdminModel<?> model,
            org.hibernate.exception.ConstraintViolationException refused) {
        String what = Wording.noun(model);
        String text = (String.valueOf(refused.getConstraintName()) + " " + sqlMessage(refused))
                .toLowerCase(Locale.ROOT);
        Optional<AdminField> field = fieldIn(model, text, refused.getConstraintName());
        String state = refused.getSQLState() == null ? "" : refused.getSQLState();
        var kind = refused.getKind();
        if (kind == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE
                || state.equals("23505")) {
            return field.map(f -> new SaveRejectedException(Messages.get("admin.save.unique-field", what,
                            Wording.noun(f.label())), false,
                            Map.of(f.path(), Messages.get("admin.save.unique-at-field", what)), refused))
                    .orElseGet(() -> new SaveRejectedException(Messages.get("admin.save.unique", what), false,
                            refused));
        }
        if (kind == org.hibernate.exception.ConstraintViolationException.ConstraintKind.NOT_NULL
                || state.equals("23502")) {
            return new SaveRejectedException(field.map(f -> Messages.get("admin.save.missing-field", f.label()))
                    .orElseGet(() -> Messages.get("admin.save.missing")), false,
                    field.map(f -> Map.of(f.path(), Messages.get("admin.invalid.required"))).orElse(Map.of()), refused);
        }
        if (kind == org.hibernate.exception.ConstraintViolationException.ConstraintKind.FOREIGN_KEY
                || state.equals("23503")) {
            return new SaveRejectedException(Messages.get("admin.save.foreign-key", what), false, refused);
        }
        return new SaveRejectedException(field.map(f -> Messages.get("admin.save.check-field", f.label()))
                .orElseGet(() -> Messages.get("admin.save.check")), false,
                field.map(f -> Map.of(f.path(), Messages.get("admin.save.check-at-field"))).orElse(Map.of()), refused);
    }

    /**
     * A value the column cannot hold (text longer than its varchar, a number out of its range): the entity did not
     * say so, the database did. H2 names the column; PostgreSQL does not, so the message is then for the form.
     */
    private static SaveRejectedException outOfRange(AdminModel<?> model, org.hibernate.exception.DataException refused) {
        Optional<AdminField> field = fieldIn(model, sqlMessage(refused).toLowerCase(Locale.ROOT), null);
        return new SaveRejectedException(field.map(f -> Messages.get("admin.save.too-large-field", f.label()))
                .orElseGet(() -> Messages.get("admin.save.too-large")), false,
                field.map(f -> Map.of(f.path(), Messages.get("admin.save.too-large-at-field"))).orElse(Map.of()),
                refused);
    }

    /** The attribute a database message names, found by its column; empty when it cannot be told. */
    private static Optional<AdminField> fieldIn(AdminModel<?> model, String text, String constraint) {
        Map<String, AdminField> byColumn = new LinkedHashMap<>();
        for (AdminField field : model.allFields()) {
            if (field.kind() != FieldKind.EMBEDDED && !field.kind().isRelation()
                    || field.kind() == FieldKind.MANY_TO_ONE) {
                byColumn.put(column(model.entityClass(), field), field);
            }
        }
        Matcher matcher = COLUMNS.matcher(text);
        while (matcher.find()) {
            for (String column : matcher.group(1).split(",")) {
                AdminField field = byColumn.get(column.strip().replaceAll(" nulls (first|last)$", ""));
                if (field != null) {
                    return Optional.of(field);
                }
            }
        }
        Matcher quoted = QUOTED_COLUMN.matcher(text);
        if (quoted.find() && byColumn.containsKey(quoted.group(1))) {
            return Optional.of(byColumn.get(quoted.group(1)));
        }
        String name = constraint == null ? "" : constraint.toLowerCase(Locale.ROOT);
        return byColumn.entrySet().stream().filter(e -> name.contains(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length())).map(Map.Entry::getValue);
    }

    private static String column(Class<?> type, AdminField field) {
        String[] segments = field.path().split("\\.");
        String leaf = segments[segments.length - 1];
        Class<?> owner = type;
        for (int i = 0; i < segments.length - 1; i++) {
            var f = org.springframework.util.ReflectionUtils.findField(owner, segments[i]);
            owner = f == null ? owner : f.getType();
        }
        var member = org.springframework.util.ReflectionUtils.findField(owner, leaf);
        if (member != null && member.getAnnotation(Column.class) != null && !member.getAnnotation(Column.class).name().isEmpty()) {
            return member.getAnnotation(Column.class).name().toLowerCase(Locale.ROOT);
        }
        if (member != null && member.getAnnotation(JoinColumn.class) != null
                && !member.getAnnotation(JoinColumn.class).name().isEmpty()) {
            return member.getAnnotation(JoinColumn.class).name().toLowerCase(Locale.ROOT);
        }
        String snake = leaf.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return field.kind() == FieldKind.MANY_TO_ONE ? snake + "_id" : snake;
    }

    private static String sqlMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getMessage() != null) {
                return sql.getMessage();
            }
        }
        return "";
    }
}
