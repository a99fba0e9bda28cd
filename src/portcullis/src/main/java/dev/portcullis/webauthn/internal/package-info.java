/** Implementation of security keys and passkeys; not API, may change in any release. */
@NullMarked
package dev.portcullis.webauthn.internal;

import org.jspecify.annotations.NullMarked;
