package dev.portcullis.twofactor;

/**
 * Sends a text message: the plug for the optional text-message second factor. Portcullis bundles no provider; an
 * application that wants the method provides this bean (wrapping its SMS gateway) and sets
 * {@code portcullis.two-factor.sms.enabled=true}. Text messages are the weaker method — they can be intercepted and
 * a phone number can be taken over by a SIM swap — so the wizard says so and recommends an authenticator app.
 */
@FunctionalInterface
public interface SmsSender {

    /**
     * Sends {@code text} to {@code phoneNumber} (E.164, such as {@code +447700900123}).
     *
     * @throws RuntimeException when the message could not be handed to the gateway; the user is told to try again
     */
    void send(String phoneNumber, String text);
}
