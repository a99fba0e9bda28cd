package dev.portcullis.admin.data;

/** The row does not exist, or the user's row scoping hides it; the two look the same on purpose. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
