/**
 * Internals of the environment feature: the banner, the production guard, error pages, the secret-key check. Not
 * API.
 */
@NullMarked
package dev.portcullis.environment.internal;

import org.jspecify.annotations.NullMarked;
