/** Internals of the security audit: the audit page and the dashboard badge. Not API. */
@NullMarked
package dev.portcullis.selfaudit.internal;

import org.jspecify.annotations.NullMarked;
