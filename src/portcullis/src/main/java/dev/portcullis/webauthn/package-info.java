/**
 * Security keys and passkeys (WebAuthn): registering them, signing in with one as the second factor or, when the
 * deployment allows it, without a password. The ceremonies are checked on the server with webauthn4j; the browser
 * side is a few lines of script run through Vaadin, so no frontend bundle and no inline script are needed.
 */
package dev.portcullis.webauthn;
