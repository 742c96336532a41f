package org.svp.protocol.wire;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.svp.protocol.Command;
import org.svp.protocol.message.ExtensionMessage;
import org.svp.protocol.message.Message;

/**
 * Every message id the implementation knows, v1 and extensions alike, mapped to its
 * {@link MessageCodec}. It replaces the fixed 64-entry id table: an extension registers its ids
 * (100–999) here at class-initialisation time and the decoders and encoders pick them up. Lookups are
 * thread-safe (I/O threads decode concurrently).
 */
public final class MessageRegistry {
    private static final Map<Integer, MessageCodec<?>> BY_ID = new ConcurrentHashMap<>();
    private static final Map<Class<?>, MessageCodec<?>> BY_TYPE = new ConcurrentHashMap<>();

    static {
        MessageReader.v1Codecs().forEach(c -> BY_ID.put(c.id(), c));
        HandshakeCodecs.all().forEach(MessageRegistry::register);
        CacheCodecs.all().forEach(MessageRegistry::register);
        FlowCodecs.all().forEach(MessageRegistry::register);
    }

    private MessageRegistry() {
    }

    /**
     * Registers an extension message.
     *
     * @param codec its codec; id in 100–999, minVersion at least 2
     * @throws IllegalArgumentException if the id is outside the extension range or taken
     */
    public static void register(MessageCodec<?> codec) {
        if (codec.id() < Command.EXTENSION_FIRST || codec.id() > Command.EXTENSION_LAST || codec.minVersion() < 2) {
            throw new IllegalArgumentException("extension ids are 100..999 on version >= 2, got id " + codec.id()
                    + " version " + codec.minVersion());
        }
        if (BY_ID.putIfAbsent(codec.id(), codec) != null) {
            throw new IllegalArgumentException("message id " + codec.id() + " is already registered");
        }
        BY_TYPE.put(codec.type(), codec);
    }

    /**
     * @param id a header's cmd
     * @return its codec, whatever the version; callers check {@link MessageCodec#minVersion()}
     */
    public static Optional<MessageCodec<?>> lookup(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /**
     * @param m an extension message
     * @param <M> its type
     * @return the codec registered for its class
     * @throws IllegalStateException if none is (a programming error)
     */
    @SuppressWarnings("unchecked")
    static <M extends Message> MessageCodec<M> codecFor(ExtensionMessage m) {
        MessageCodec<?> c = BY_TYPE.get(m.getClass());
        if (c == null) {
            throw new IllegalStateException("no codec registered for " + m.getClass().getName());
        }
        return (MessageCodec<M>) c;
    }
}
