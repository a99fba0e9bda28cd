package dev.portcullis.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity attribute as secret: the history log records that it changed, never its value. Attributes named
 * like a password, secret, token, key, salt or recovery code are treated as secret without this annotation; use it
 * for anything else (or list names in {@link ModelAdmin#secretFields()}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface AdminSecret {
}
