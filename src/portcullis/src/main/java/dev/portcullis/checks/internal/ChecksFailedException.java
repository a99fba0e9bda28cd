package dev.portcullis.checks.internal;

import java.util.List;
import java.util.stream.Collectors;
import dev.portcullis.checks.CheckMessage;

/**
 * Thrown at start-up when checks found errors; Spring Boot's failure analysis prints each message and its hint.
 */
public class ChecksFailedException extends RuntimeException {

    private final List<CheckMessage> messages;

    public ChecksFailedException(String what, List<CheckMessage> messages) {
        super(what + ":\n" + messages.stream().map(CheckMessage::toString).collect(Collectors.joining("\n")));
        this.messages = List.copyOf(messages);
    }

    public List<CheckMessage> getMessages() {
        return messages;
    }
}
