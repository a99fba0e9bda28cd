package dev.portcullis.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail to users about their accounts ({@code portcullis.mail.*}). Nothing is sent until Spring's own
 * {@code spring.mail.host} is configured.
 */
@ConfigurationProperties("portcullis.mail")
public class AccountMailProperties {

    /** Sender address of the messages Portcullis sends. */
    private String from = "portcullis@localhost";

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }
}
