package dev.portcullis.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an attribute or an enum constant is called on screen, in the CSV and in the history, where the humanised
 * Java name reads wrong: {@code @AdminLabel("ISBN") String isbn;}, {@code @AdminLabel("Science fiction") SCIFI}.
 * A {@code portcullis-labels.properties} bundle ({@code Book.isbn=ISBN}, {@code Genre.SCIFI=Science fiction}) does
 * the same without touching the class, and wins over this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface AdminLabel {

    /** The label, e.g. "ISBN". */
    String value();
}
