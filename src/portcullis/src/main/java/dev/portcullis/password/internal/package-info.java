/**
 * Internals of the password policy: the common-password list, its checks and the strength meter. Not API.
 */
@NullMarked
package dev.portcullis.password.internal;

import org.jspecify.annotations.NullMarked;
