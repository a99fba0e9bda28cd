/**
 * Internals of the checkup: the probe and one scorer per Observatory test. Not API.
 */
@NullMarked
package dev.portcullis.checks.checkup.internal;

import org.jspecify.annotations.NullMarked;
