package dev.portcullis.webauthn.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One registration or sign-in request handed to the browser: its challenge lives only here, in the user's UI on the
 * server, and is spent by the first answer (right or wrong) or when it expires.
 */
public final class Ceremony {

    /** What the request is for. */
    public enum Kind {
        /** Registering a new key. */
        REGISTER,
        /** A key as the second factor after the password. */
        SECOND_FACTOR,
        /** A passkey instead of password and code. */
        PASSWORDLESS
    }

    private final Kind kind;
    private final byte[] challenge;
    private final Instant expiresAt;
    private final RelyingParty relyingParty;
    private final Long userId;
    private final String options;
    private final AtomicBoolean spent = new AtomicBoolean();

    Ceremony(Kind kind, byte[] challenge, Instant expiresAt, RelyingParty relyingParty, Long userId, String options) {
        this.kind = kind;
        this.challenge = challenge.clone();
        this.expiresAt = expiresAt;
        this.relyingParty = relyingParty;
        this.userId = userId;
        this.options = options;
    }

    public Kind kind() {
        return kind;
    }

    /** The options for {@code navigator.credentials.create/get} as JSON, binary values in base64url. */
    public String options() {
        return options;
    }

    byte[] challenge() {
        return challenge.clone();
    }

    Instant expiresAt() {
        return expiresAt;
    }

    RelyingParty relyingParty() {
        return relyingParty;
    }

    Long userId() {
        return userId;
    }

    /** True the first time only: a challenge is answered at most once. */
    boolean spend() {
        return spent.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return "Ceremony[" + kind + ", user " + userId + "]";
    }
}
