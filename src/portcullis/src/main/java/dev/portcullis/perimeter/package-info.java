/**
 * The perimeter (HTTPS, headers, who may reach the admin): properties, the {@link
 * dev.portcullis.perimeter.AccessGuard} SPI, address ranges and the auto-configuration.
 */
@NullMarked
package dev.portcullis.perimeter;

import org.jspecify.annotations.NullMarked;
