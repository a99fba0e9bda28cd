/**
 * Portcullis's own Flyway migrations with their own history table: the auto-configuration.
 */
@NullMarked
package dev.portcullis.migration;

import org.jspecify.annotations.NullMarked;
