package org.svp.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.svp.protocol.Command;
import org.svp.protocol.message.AuthChallenge;
import org.svp.protocol.message.AuthResponse;
import org.svp.protocol.message.AuthResult;
import org.svp.protocol.message.AuthStart;
import org.svp.protocol.message.Capabilities;
import org.svp.protocol.message.Capability;
import org.svp.protocol.message.ChannelInitV2;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.SessionToken;

/**
 * Codecs of the v2 hand-shake messages, ids 100–106 (docs/protocol.md "protocol v2"): CAPABILITIES,
 * AUTH_START, AUTH_CHALLENGE, AUTH_RESPONSE, AUTH_RESULT, SESSION, CHANNEL_INIT_V2. Registered by
 * {@link MessageRegistry}.
 */
final class HandshakeCodecs {
    /** SCRAM messages are short; anything longer than this is refused before it is copied. */
    static final int MAX_TEXT = 4096;

    private HandshakeCodecs() {
    }

    static List<MessageCodec<?>> all() {
        return List.of(
                codec(Command.CAPABILITIES, Capabilities.class, HandshakeCodecs::capabilities,
                        c -> 2 + 4 * c.entries().size(), (c, o) -> {
                            o.putShort((short) c.entries().size());
                            c.entries().forEach(e -> o.putShort((short) e.id()).putShort((short) e.version()));
                        }),
                codec(Command.AUTH_START, AuthStart.class,
                        r -> new AuthStart(text(r, 2, "mechanism"),
                                text(r, 4, "client-first-message")),
                        a -> 2 + utf8(a.mechanism()).length + 4 + utf8(a.clientFirst()).length,
                        (a, o) -> {
                            byte[] mech = utf8(a.mechanism());
                            byte[] first = utf8(a.clientFirst());
                            o.putShort((short) mech.length).put(mech).putInt(first.length).put(first);
                        }),
                codec(Command.AUTH_CHALLENGE, AuthChallenge.class,
                        r -> new AuthChallenge(text(r, 4, "server-first-message")),
                        a -> 4 + utf8(a.serverFirst()).length, (a, o) -> putText(o, a.serverFirst())),
                codec(Command.AUTH_RESPONSE, AuthResponse.class,
                        r -> new AuthResponse(text(r, 4, "client-final-message")),
                        a -> 4 + utf8(a.clientFinal()).length, (a, o) -> putText(o, a.clientFinal())),
                codec(Command.AUTH_RESULT, AuthResult.class, HandshakeCodecs::authResult,
                        a -> 2 + 4 + utf8(a.text()).length,
                        (a, o) -> putText(o.put((byte) a.status()).put((byte) a.role()), a.text())),
                codec(Command.SESSION, SessionToken.class, HandshakeCodecs::session,
                        s -> SessionToken.BODY_BYTES,
                        (s, o) -> o.put(s.token()).put((byte) s.role()).putInt((int) s.reserved())),
                codec(Command.CHANNEL_INIT_V2, ChannelInitV2.class, HandshakeCodecs::channelInitV2,
                        c -> ChannelInitV2.BODY_BYTES,
                        (c, o) -> o.putShort((short) c.channelType()).putShort((short) c.queueLength())
                                .putInt(c.features()).put(c.token())));
    }

    private static Capabilities capabilities(BodyReader r) {
        int count = r.u16("count");
        if (r.size() != 2 + 4 * count) {
            throw new org.svp.protocol.error.PeerProtocolException(org.svp.protocol.error.SvpStatus.BAD_BODY_SIZE,
                    r.command(), 0, "count " + count + " needs a " + (2 + 4 * count) + "-byte body, got " + r.size());
        }
        if (count > Capabilities.MAX_ENTRIES) {
            throw r.badField(0, "count " + count + " exceeds " + Capabilities.MAX_ENTRIES);
        }
        List<Capability> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new Capability(r.u16("capability.id"), r.u16("capability.version")));
        }
        return new Capabilities(list);
    }

    private static AuthResult authResult(BodyReader r) {
        int at = r.offset();
        int status = r.u8("status");
        if (status > AuthResult.TIMEOUT) {
            throw r.badField(at, "status must be 0..4, got " + status);
        }
        int roleAt = r.offset();
        int role = r.u8("role");
        if (role > SessionToken.ROLE_CONTROL) {
            throw r.badField(roleAt, "role must be 0 or 1, got " + role);
        }
        return new AuthResult(status, role, text(r, 4, "text"));
    }

    private static SessionToken session(BodyReader r) {
        r.expectSize(SessionToken.BODY_BYTES);
        byte[] token = r.bytes(SessionToken.TOKEN_BYTES, "token");
        int at = r.offset();
        int role = r.u8("role");
        if (role > SessionToken.ROLE_CONTROL) {
            throw r.badField(at, "role must be 0 or 1, got " + role);
        }
        return new SessionToken(token, role, r.u32("reserved"));
    }

    private static ChannelInitV2 channelInitV2(BodyReader r) {
        r.expectSize(ChannelInitV2.BODY_BYTES);
        return new ChannelInitV2(r.u16("channel_type"), r.u16("queue_length"), r.i32("features"),
                r.bytes(SessionToken.TOKEN_BYTES, "token"));
    }

    /**
     * A length-prefixed UTF-8 string: bounded before copying, malformed UTF-8 refused.
     *
     * @param lengthBytes 2 (u16 length) or 4 (u32 length)
     */
    private static String text(BodyReader r, int lengthBytes, String what) {
        int at = r.offset();
        long length = lengthBytes == 2 ? r.u16(what + " length") : r.u32(what + " length");
        if (length > MAX_TEXT) {
            throw r.badField(at, what + " length " + length + " exceeds " + MAX_TEXT);
        }
        int textAt = r.offset();
        byte[] b = r.bytes(length, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw r.badField(textAt, what + " is not valid UTF-8");
        }
    }

    private static void putText(ByteBuffer o, String s) {
        byte[] b = utf8(s);
        o.putInt(b.length).put(b);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Also used by {@link CacheCodecs}. */
    static <M extends Message> MessageCodec<M> codec(Command command, Class<M> type,
                                                             Function<BodyReader, M> decoder, ToIntFunction<M> size,
                                                             BiConsumer<M, ByteBuffer> writer) {
        return new MessageCodec<>() {
            @Override
            public int id() {
                return command.wireId();
            }

            @Override
            public int minVersion() {
                return command.minVersion();
            }

            @Override
            public Class<M> type() {
                return type;
            }

            @Override
            public M decode(BodyReader r) {
                return decoder.apply(r);
            }

            @Override
            public int bodySize(M m) {
                return size.applyAsInt(m);
            }

            @Override
            public void writeBody(M m, ByteBuffer out) {
                writer.accept(m, out);
            }
        };
    }
}
