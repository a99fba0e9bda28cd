/**
 * The history of admin changes: its properties and auto-configuration.
 */
@NullMarked
package dev.portcullis.audit;

import org.jspecify.annotations.NullMarked;
