/**
 * The password policy: {@link dev.portcullis.password.PasswordPolicy}, its result and properties, and the
 * auto-configuration.
 */
@NullMarked
package dev.portcullis.password;

import org.jspecify.annotations.NullMarked;
