/**
 * The honeypot login page: its properties and auto-configuration.
 */
@NullMarked
package dev.portcullis.honeypot;

import org.jspecify.annotations.NullMarked;
