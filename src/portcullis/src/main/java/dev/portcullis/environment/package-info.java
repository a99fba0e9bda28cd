/**
 * The environment banner, secret key and error pages: properties and auto-configuration.
 */
@NullMarked
package dev.portcullis.environment;

import org.jspecify.annotations.NullMarked;
