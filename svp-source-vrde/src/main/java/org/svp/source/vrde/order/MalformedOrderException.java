package org.svp.source.vrde.order;

/** An order record that breaks VRDEOrders.h's layout; the update is then refreshed from the framebuffer. */
public final class MalformedOrderException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public MalformedOrderException(String message) {
        super(message);
    }
}
