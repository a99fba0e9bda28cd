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
            case NotNull n -> "Required";
            case NotBlank n -> "Required";
            case NotEmpty n -> "Required";
            case Size s -> size(s.min(), s.max(), text ? "characters" : collection ? "items" : "entries");
            case Min m -> "Must be at least " + m.value();
            case Max m -> "Must be at most " + m.value();
            case DecimalMin m -> "Must be " + (m.inclusive() ? "at least " : "more than ") + m.value();
            case DecimalMax m -> "Must be " + (m.inclusive() ? "at most " : "less than ") + m.value();
            case Digits d -> d.fraction() == 0 ? "A whole number of at most " + d.integer() + " digits"
                    : "At most " + d.integer() + " digits before and " + d.fraction() + " after the decimal point";
            case Email e -> "Enter an email address, like name@example.com";
            case Pattern p -> "Not in the expected format";
            case Positive p -> "Must be more than 0";
            case PositiveOrZero p -> "Must be 0 or more";
            case Negative n -> "Must be less than 0";
            case NegativeOrZero n -> "Must be 0 or less";
            case Past p -> "Must be in the past";
            case PastOrPresent p -> "Must not be in the future";
            case Future f -> "Must be in the future";
            case FutureOrPresent f -> "Must not be in the past";
            case AssertTrue a -> "Must be ticked";
            case AssertFalse a -> "Must not be ticked";
            default -> sentence(violation.getMessage());
        };
    }

    static String size(int min, int max, String unit) {
        boolean noMax = max == Integer.MAX_VALUE;
        if (min <= 0 && noMax) {
            return "Any number of " + unit;
        }
        if (min <= 0) {
            return "At most " + max + " " + unit;
        }
        if (noMax) {
            return "At least " + min + " " + unit;
        }
        return min == max ? "Exactly " + min + " " + unit : "Between " + min + " and " + max + " " + unit;
    }

    private static String sentence(String message) {
        return message == null || message.isEmpty() ? "Not a valid value"
                : message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
    }
}
