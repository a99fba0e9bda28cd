package dev.portcullis.admin.model.internal;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.portcullis.i18n.Messages;

/**
 * Bean Validation messages rewritten for the person at the form, with the limits spelled out: "Required" instead
 * of "must not be null", "At most 5 digits before and 2 after the decimal point" instead of "numeric value out of
 * bounds (&lt;5 digits&gt;.&lt;2 digits&gt; expected)". A message the developer wrote on the constraint is kept.
 */
public final class HumanMessages {

    private HumanMessages() {
    }

    public static String of(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        if (template != null && !template.startsWith("{jakarta.validation.") && !template.startsWith("{org.hibernate.")) {
            return sentence(violation.getMessage()); // the developer's own words, as a sentence
        }
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        boolean text = violation.getInvalidValue() instanceof CharSequence;
        boolean collection = violation.getInvalidValue() instanceof Collection<?>;
        return switch (constraint) {
            case NotNull n -> Messages.get("admin.invalid.required");
            case NotBlank n -> Messages.get("admin.invalid.required");
            case NotEmpty n -> Messages.get("admin.invalid.required");
            case Size s -> text ? characters(s.min(), s.max()) : collection ? items(s.min(), s.max())
                    : entries(s.min(), s.max());
            case Min m -> Messages.get("admin.invalid.min", String.valueOf(m.value()));
            case Max m -> Messages.get("admin.invalid.max", String.valueOf(m.value()));
            case DecimalMin m -> m.inclusive() ? Messages.get("admin.invalid.min", m.value())
                    : Messages.get("admin.invalid.more-than", m.value());
            case DecimalMax m -> m.inclusive() ? Messages.get("admin.invalid.max", m.value())
                    : Messages.get("admin.invalid.less-than", m.value());
            case Digits d -> d.fraction() == 0 ? Messages.get("admin.invalid.digits-whole", d.integer())
                    : Messages.get("admin.invalid.digits", d.integer(), d.fraction());
            case Email e -> Messages.get("admin.invalid.email");
            case Pattern p -> Messages.get("admin.invalid.pattern");
            case Positive p -> Messages.get("admin.invalid.positive");
            case PositiveOrZero p -> Messages.get("admin.invalid.positive-or-zero");
            case Negative n -> Messages.get("admin.invalid.negative");
            case NegativeOrZero n -> Messages.get("admin.invalid.negative-or-zero");
            case Past p -> Messages.get("admin.invalid.past");
            case PastOrPresent p -> Messages.get("admin.invalid.past-or-present");
            case Future f -> Messages.get("admin.invalid.future");
            case FutureOrPresent f -> Messages.get("admin.invalid.future-or-present");
            case AssertTrue a -> Messages.get("admin.invalid.ticked");
            case AssertFalse a -> Messages.get("admin.invalid.not-ticked");
            default -> sentence(violation.getMessage());
        };
    }

    /** "At most 30 characters", "Between 2 and 30 characters", "Exactly 13 characters". */
    static String characters(int min, int max) {
        return switch (limits(min, max)) {
            case ANY -> Messages.get("admin.invalid.characters-any");
            case AT_MOST -> Messages.get("admin.invalid.characters-at-most", max);
            case AT_LEAST -> Messages.get("admin.invalid.characters-at-least", min);
            case EXACTLY -> Messages.get("admin.invalid.characters-exactly", min);
            case BETWEEN -> Messages.get("admin.invalid.characters-between", min, max);
        };
    }

    /** The same for collections: "At most 3 items". */
    static String items(int min, int max) {
        return switch (limits(min, max)) {
            case ANY -> Messages.get("admin.invalid.items-any");
            case AT_MOST -> Messages.get("admin.invalid.items-at-most", max);
            case AT_LEAST -> Messages.get("admin.invalid.items-at-least", min);
            case EXACTLY -> Messages.get("admin.invalid.items-exactly", min);
            case BETWEEN -> Messages.get("admin.invalid.items-between", min, max);
        };
    }

    /** The same for maps and arrays: "At most 3 entries". */
    static String entries(int min, int max) {
        return switch (limits(min, max)) {
            case ANY -> Messages.get("admin.invalid.entries-any");
            case AT_MOST -> Messages.get("admin.invalid.entries-at-most", max);
            case AT_LEAST -> Messages.get("admin.invalid.entries-at-least", min);
            case EXACTLY -> Messages.get("admin.invalid.entries-exactly", min);
            case BETWEEN -> Messages.get("admin.invalid.entries-between", min, max);
        };
    }

    private enum Limits { ANY, AT_MOST, AT_LEAST, EXACTLY, BETWEEN }

    private static Limits limits(int min, int max) {
        boolean noMax = max == Integer.MAX_VALUE;
        if (min <= 0) {
            return noMax ? Limits.ANY : Limits.AT_MOST;
        }
        return noMax ? Limits.AT_LEAST : min == max ? Limits.EXACTLY : Limits.BETWEEN;
    }

    private static String sentence(String message) {
        return message == null || message.isEmpty() ? Messages.get("admin.invalid.value")
                : message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
    }
}
