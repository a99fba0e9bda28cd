package dev.portcullis.password;

import java.util.List;

/**
 * The verdict on a candidate password: accepted, or refused with every reason in plain words.
 *
 * @param problems why the password is refused; empty when it is accepted
 */
public record PasswordCheck(List<String> problems) {

    public PasswordCheck {
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
