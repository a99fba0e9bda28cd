/**
 * Test helpers for a host application's own admin tests: Karibu sign-in, a mutable clock, real HTTP, an embedded
 * PostgreSQL and signed-in users.
 */
@NullMarked
package dev.portcullis.testsupport;

import org.jspecify.annotations.NullMarked;
