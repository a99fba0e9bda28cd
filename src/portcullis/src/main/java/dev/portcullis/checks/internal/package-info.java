/**
 * Internals of the checks: the registry, the startup and deploy checks, the {@code check} command and its reports.
 * Not API.
 */
@NullMarked
package dev.portcullis.checks.internal;

import org.jspecify.annotations.NullMarked;
