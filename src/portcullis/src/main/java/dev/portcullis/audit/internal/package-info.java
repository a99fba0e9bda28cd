/**
 * Internals of the history: the hash-chained log, its check and its views. Not API.
 */
@NullMarked
package dev.portcullis.audit.internal;

import org.jspecify.annotations.NullMarked;
