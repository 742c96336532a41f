package org.svp.server.update;

import java.util.List;
import java.util.Map;
import org.svp.protocol.message.DisplayMessage;
import org.svp.server.encode.CodecChoice;
import org.svp.server.encode.WireFrame;

/**
 * One display message as the encoder workers left it: the original (applied to the server's mirror)
 * and its wire frames: one shared frame for orders without pixels, or, for messages that carry a
 * bitmap, frames per {@link CodecChoice} some client wants (v1: one frame in RAW or LZ4; v2: the
 * encode manager's tiles). Built on a worker, then owned by the I/O thread, which releases it after
 * every client has taken its retained duplicates.
 */
public final class EncodedMessage {
    private final DisplayMessage original;
    private final List<WireFrame> shared;
    private final Map<CodecChoice, List<WireFrame>> perChoice;
    /** A DIRTY_RECT's pixels as the worker decoded them for its codecs, for the mirror; or null. */
    private int[] decoded;

    private EncodedMessage(DisplayMessage original, List<WireFrame> shared, Map<CodecChoice, List<WireFrame>> perChoice,
            int[] decoded) {
        this.original = original;
        this.shared = shared;
        this.perChoice = perChoice;
        this.decoded = decoded;
    }

    /**
     * @param original the message
     * @param frame its one encoding, for every client
     * @return the encoded message
     */
    static EncodedMessage shared(DisplayMessage original, WireFrame frame) {
        return new EncodedMessage(original, List.of(frame), null, null);
    }

    /**
     * @param original the message as the source sent it
     * @param perChoice its frames for each codec choice that was wanted
     * @param decoded its bitmap's pixels ({@code 0x00RRGGBB}, w × h, row-major) when the message is a
     *     DIRTY_RECT the worker decoded, else null
     * @return the encoded message
     */
    static EncodedMessage perChoice(DisplayMessage original, Map<CodecChoice, List<WireFrame>> perChoice, int[] decoded) {
        return new EncodedMessage(original, null, perChoice, decoded);
    }

    /**
     * @return the DIRTY_RECT's pixels the worker decoded (the mirror copies them instead of decoding the
     *     bitmap a second time, on the I/O thread), or null
     */
    public int[] decoded() {
        return decoded;
    }

    /** @return the message as the source sent it */
    public DisplayMessage original() {
        return original;
    }

    /**
     * The frames for a client. When its choice was not produced (it changed GRAPHIC_CONFIG or joined
     * while the update was being encoded), frames of another choice it can decode; null if none (the
     * client then re-sends the damage from the mirror).
     *
     * @param choice what the client decodes
     * @return the frames (not retained), or null
     */
    public List<WireFrame> framesFor(CodecChoice choice) {
        if (shared != null) {
            return shared;
        }
        List<WireFrame> f = perChoice.get(choice);
        if (f != null) {
            return f;
        }
        for (Map.Entry<CodecChoice, List<WireFrame>> e : perChoice.entrySet()) {
            if (choice.canTake(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Releases the frames; I/O thread, once, after dispatch. */
    void release() {
        decoded = null;
        if (shared != null) {
            shared.forEach(WireFrame::release);
        } else {
            perChoice.values().forEach(l -> l.forEach(WireFrame::release));
        }
    }
}
