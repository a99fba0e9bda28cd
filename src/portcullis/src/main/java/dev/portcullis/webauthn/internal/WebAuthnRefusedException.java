package dev.portcullis.webauthn.internal;

/** A registration or sign-in with a key was refused; the message is written for the user. */
public final class WebAuthnRefusedException extends RuntimeException {

    /** Why, for callers that react differently (a throttled sign-in, a key that may be cloned). */
    public enum Reason {
        INVALID, EXPIRED, REPLAYED, WRONG_ORIGIN, WRONG_RP_ID, USER_NOT_VERIFIED, CLONED, UNKNOWN_KEY, NOT_ALLOWED,
        THROTTLED
    }

    private final Reason reason;

    WebAuthnRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
