/**
 * Internals of the honeypot: the trap, its blocks, alerts and admin pages. Not API.
 */
@NullMarked
package dev.portcullis.honeypot.internal;

import org.jspecify.annotations.NullMarked;
