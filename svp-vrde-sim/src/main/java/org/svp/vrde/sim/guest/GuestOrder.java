package org.svp.vrde.sim.guest;

import org.svp.protocol.Rect;
import org.svp.protocol.message.DisplayMessage;

/**
 * One drawing order of the simulated guest in both forms: the SVP display message the guest's own
 * renderer draws (so the framebuffer has the pixels the order means) and the VRDE record
 * ({@code VRDEORDERCODE} + packed struct + variable data) that goes into a {@code VRDEUpdate} buffer.
 * Made by {@link GuestOrders}.
 *
 * @param name the order's VRDE name, e.g. {@code SOLIDRECT}
 * @param code the VRDE order code (0..15)
 * @param bounds the screen area it may change (the update header's rectangle)
 * @param message what the guest's renderer applies
 * @param record the VRDE record bytes
 */
public record GuestOrder(String name, int code, Rect bounds, DisplayMessage message, byte[] record) {
}
