/**
 * The security audit in the admin: the page that shows every deploy check's findings and runs the live checkup, its
 * menu entry and its dashboard badge, for superusers only. Switched off with
 * {@code portcullis.security-audit.enabled=false}; the checks themselves (package {@code dev.portcullis.checks}) still
 * run at start-up and in {@code check --deploy}.
 */
@NullMarked
package dev.portcullis.selfaudit;

import org.jspecify.annotations.NullMarked;
