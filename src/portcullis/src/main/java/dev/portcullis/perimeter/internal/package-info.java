/**
 * Internals of the perimeter: the filters, the content security policy, TLS defaults and checks. Not API.
 */
@NullMarked
package dev.portcullis.perimeter.internal;

import org.jspecify.annotations.NullMarked;
