package org.svp.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.svp.protocol.wire.WireBytes.frame;
import static org.svp.protocol.wire.WireBytes.hex;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.svp.protocol.Command;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.AuthChallenge;
import org.svp.protocol.message.AuthResponse;
import org.svp.protocol.message.AuthResult;
import org.svp.protocol.message.AuthStart;
import org.svp.protocol.message.Capabilities;
import org.svp.protocol.message.Capability;
import org.svp.protocol.message.ChannelInitV2;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.SessionToken;

/** The v2 hand-shake messages (ids 100–106): exact layouts, round trips, and what a bad body gives. */
class HandshakeMessagesTest {

    private static byte[] token() {
        byte[] t = new byte[32];
        for (int i = 0; i < 32; i++) {
            t[i] = (byte) (0xA0 + i);
        }
        return t;
    }

    static Stream<Message> messages() {
        return Stream.of(
                new Capabilities(List.of()),
                new Capabilities(List.of(new Capability(1, 1), new Capability(2, 1), new Capability(0xFFFF, 0xFFFF))),
                new AuthStart("SCRAM-SHA-256", "n,,n=,r=rOprNGfwEbeRWgbNEkqO"),
                new AuthStart("", ""),
                new AuthChallenge("r=abc,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"),
                new AuthResponse("c=biws,r=abc,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="),
                new AuthResult(AuthResult.OK, SessionToken.ROLE_CONTROL, "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="),
                new AuthResult(AuthResult.TIMEOUT, SessionToken.ROLE_VIEW, "wrong password \u00e9"),
                new SessionToken(token(), SessionToken.ROLE_VIEW, 0),
                new SessionToken(token(), SessionToken.ROLE_CONTROL, 0xFFFFFFFFL),
                new ChannelInitV2(1, 0, 0xFFFFFFFF, token()),
                new ChannelInitV2(0xFFFF, 0xFFFF, 0, token()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void recordSurvivesEncodeThenDecodeOnAV2Connection(Message m) {
        byte[] wire = MessageWriter.encode(m);
        assertThat(wire).hasSize(8 + MessageWriter.bodySize(m));
        Message back = MessageReader.decodeFrame(wire, 2);
        assertThat(back).isEqualTo(m);
        assertThat(MessageWriter.encode(back)).isEqualTo(wire);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void onAV1ConnectionEveryExtensionIdIsAnUnknownCommand(Message m) {
        PeerProtocolException e = catchThrowableOfType(PeerProtocolException.class,
                () -> MessageReader.decodeFrame(MessageWriter.encode(m), 1));
        assertThat(e.status()).isEqualTo(SvpStatus.UNKNOWN_COMMAND);
        assertThat(e.commandId()).isEqualTo(m.command().wireId());
        assertThat(e.getMessage()).contains("no v1 message has this id");
    }

    @Test
    void layoutsAreExactlyTheContracts() {
        assertThat(MessageWriter.encode(new Capabilities(List.of(new Capability(1, 1), new Capability(3, 2)))))
                .containsExactly(hex("5a7f 6400 0a000000 | 0200 0100 0100 0300 0200"));
        assertThat(MessageWriter.encode(new AuthStart("AB", "xyz")))
                .containsExactly(hex("5a7f 6500 0b000000 | 0200 4142 03000000 78797a"));
        assertThat(MessageWriter.encode(new AuthResult(AuthResult.RATE_LIMITED, 1, "no")))
                .containsExactly(hex("5a7f 6800 08000000 | 02 01 02000000 6e6f"));
        byte[] session = MessageWriter.encode(new SessionToken(token(), SessionToken.ROLE_CONTROL, 0));
        assertThat(session).hasSize(8 + 37);
        assertThat(session[8]).isEqualTo((byte) 0xA0);
        assertThat(session[8 + 32]).isEqualTo((byte) 1);
        byte[] init = MessageWriter.encode(new ChannelInitV2(3, 0, 0x2, token()));
        assertThat(java.util.Arrays.copyOfRange(init, 0, 16)).containsExactly(hex("5a7f 6a00 28000000 | 0300 0000 02000000"));
        assertThat(init[16]).isEqualTo((byte) 0xA0);
    }

    @Test
    void everyHandshakeIdIsRegisteredForVersionTwo() {
        for (int id = 100; id <= 106; id++) {
            assertThat(MessageRegistry.lookup(id)).as("id " + id).hasValueSatisfying(c -> assertThat(c.minVersion()).isEqualTo(2));
            assertThat(Command.fromWireId(id)).isPresent();
        }
        assertThat(MessageRegistry.lookup(107)).isEmpty();
    }

    @Test
    void anExtensionCannotTakeAV1IdOrATakenOne() {
        MessageCodec<?> existing = MessageRegistry.lookup(100).orElseThrow();
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> MessageRegistry.register(existing)))
                .hasMessageContaining("already registered");
        MessageCodec<Message> v1 = MessageCodec.v1(40, r -> null);
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> MessageRegistry.register(v1)))
                .hasMessageContaining("100..999");
    }

    record Bad(String name, int cmd, String body, SvpStatus status, int offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> bad() {
        return Stream.of(
                new Bad("capabilities count larger than body", 100, "0200 0100 0100", SvpStatus.BAD_BODY_SIZE, 0),
                new Bad("capabilities trailing byte", 100, "0000 00", SvpStatus.BAD_BODY_SIZE, 0),
                new Bad("auth start empty", 101, "", SvpStatus.BAD_BODY_SIZE, 0),
                new Bad("auth start text past end", 101, "0500 4142", SvpStatus.BAD_BODY_SIZE, 2),
                new Bad("auth start huge length", 101, "0000 ffffffff", SvpStatus.BAD_FIELD, 2),
                new Bad("auth challenge bad utf-8", 102, "02000000 c328", SvpStatus.BAD_FIELD, 4),
                new Bad("auth response trailing bytes", 103, "01000000 41 42", SvpStatus.BAD_BODY_SIZE, 5),
                new Bad("auth result unknown status", 104, "05 00 00000000", SvpStatus.BAD_FIELD, 0),
                new Bad("auth result unknown role", 104, "00 02 00000000", SvpStatus.BAD_FIELD, 1),
                new Bad("session short", 105, "00".repeat(36), SvpStatus.BAD_BODY_SIZE, 0),
                new Bad("session bad role", 105, "00".repeat(32) + "07 00000000", SvpStatus.BAD_FIELD, 32),
                new Bad("channel init v2 without token", 106, "0100 0000 ffffffff", SvpStatus.BAD_BODY_SIZE, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void badBodyGivesPeerProtocolExceptionWithStatusAndOffset(Bad c) {
        PeerProtocolException e = catchThrowableOfType(PeerProtocolException.class,
                () -> MessageReader.decodeFrame(frame(c.cmd(), hex(c.body())), 2));
        assertThat(e.status()).as(e.getMessage()).isEqualTo(c.status());
        assertThat(e.offset()).as(e.getMessage()).isEqualTo(c.offset());
        assertThat(e.commandId()).isEqualTo(c.cmd());
    }
}
