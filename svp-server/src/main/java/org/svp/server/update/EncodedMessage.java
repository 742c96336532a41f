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

    private EncodedMessage(DisplayMessage original, List<WireFrame> shared, Map<CodecChoice, List<WireFrame>> perChoice) {
        this.original = original;
        this.shared = shared;
        this.perChoice = perChoice;
    }

    /**
     * @param original the message
     * @param frame its one encoding, for every client
     * @return the encoded message
     */
    static EncodedMessage shared(DisplayMessage original, WireFrame frame) {
        return new EncodedMessage(original, List.of(frame), null);
    }

    /**
     * @param original the message as the source sent it
     * @param perChoice its frames for each codec choice that was wanted
     * @return the encoded message
     */
    static EncodedMessage perChoice(DisplayMessage original, Map<CodecChoice, List<WireFrame>> perChoice) {
        return new EncodedMessage(original, null, perChoice);
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
        if (shared != null) {
            shared.forEach(WireFrame::release);
        } else {
            perChoice.values().forEach(l -> l.forEach(WireFrame::release));
        }
    }
}
