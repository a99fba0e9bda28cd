/**
 * Sign-in and accounts: admin users and roles, the user service, the principal, the second-factor hook and the
 * sign-in properties and auto-configuration.
 */
@NullMarked
package dev.portcullis.auth;

import org.jspecify.annotations.NullMarked;
