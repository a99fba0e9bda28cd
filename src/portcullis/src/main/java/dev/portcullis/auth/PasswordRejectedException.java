package dev.portcullis.auth;

import java.util.List;

/**
 * A password change was refused; {@link #getProblems()} says why, in words meant for the user.
 */
public class PasswordRejectedException extends RuntimeException {

    private final List<String> problems;

    public PasswordRejectedException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> getProblems() {
        return problems;
    }
}
