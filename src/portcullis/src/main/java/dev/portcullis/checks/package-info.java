/**
 * Checks in the style of Django's system checks: the {@link dev.portcullis.checks.Check} SPI, its messages and
 * levels, and the checks' properties and auto-configuration.
 */
@NullMarked
package dev.portcullis.checks;

import org.jspecify.annotations.NullMarked;
