package dev.portcullis.webauthn.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The random user handle a user's passkeys carry instead of a username or database id (WebAuthn asks that it reveal
 * nothing about the user).
 */
@Entity
@Table(name = "portcullis_webauthn_user_handle")
public class WebAuthnUserHandle {

    @Id
    @Column(name = "user_id")
    private Long userId;

    /** 32 random bytes, base64url. */
    @Column(name = "user_handle", nullable = false, unique = true, length = 64)
    private String userHandle;

    protected WebAuthnUserHandle() {
    }

    WebAuthnUserHandle(long userId, String userHandle) {
        this.userId = userId;
        this.userHandle = userHandle;
    }

    long userId() {
        return userId;
    }

    String userHandle() {
        return userHandle;
    }
}
