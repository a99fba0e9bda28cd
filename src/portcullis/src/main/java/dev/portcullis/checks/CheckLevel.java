package dev.portcullis.checks;

/** How serious a finding is, in Django's order. */
public enum CheckLevel {
    INFO, WARNING, ERROR, CRITICAL;

    /** One letter as used in ids such as {@code security.W004}. */
    public char letter() {
        return name().charAt(0);
    }
}
