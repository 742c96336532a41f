package org.svp.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.netty.tls.TlsVersions;
import org.svp.protocol.ProtocolLimits;

/**
 * First reader of every accepted connection, on every port: waits for the first byte, then installs
 * Netty's {@code SslHandler} behind itself (0x16, a TLS handshake record) or nothing (0x5A, the low
 * byte of the SVP magic: plain SVP), marks the channel ({@link TransportSecurity}) and removes itself,
 * handing the bytes read so far on (as Netty's PortUnificationServerHandler example does). Any other
 * first byte, or TLS on a {@code --no-tls} server, closes the connection with one log line. Runs on
 * the I/O thread; one instance per connection.
 */
public final class PortUnificationHandler extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(PortUnificationHandler.class);
    private static final int PLAIN_FIRST_BYTE = ProtocolLimits.MAGIC & 0xFF;

    private final ServerTls tls;
    private final java.util.concurrent.atomic.LongAdder protocolDrops;

    /**
     * @param tls the server's TLS settings (off: plain only, v2 in plain text allowed)
     * @param protocolDrops counts connections closed for a first byte that is neither TLS nor SVP
     */
    public PortUnificationHandler(ServerTls tls, java.util.concurrent.atomic.LongAdder protocolDrops) {
        this.tls = tls;
        this.protocolDrops = protocolDrops;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.channel().attr(TransportSecurity.TLS).set(false);
        ctx.channel().attr(TransportSecurity.PLAIN_V2_ALLOWED).set(!tls.enabled());
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        int first = in.getUnsignedByte(in.readerIndex());
        if (first == TlsVersions.HANDSHAKE_RECORD && tls.enabled()) {
            ctx.channel().attr(TransportSecurity.TLS).set(true);
            ctx.pipeline().addAfter(ctx.name(), "tls", tls.context().newHandler(ctx.alloc()));
        } else if (first == TlsVersions.HANDSHAKE_RECORD) {
            LOG.info("{}: TLS hand-shake on a server running with --no-tls; closing", ctx.channel().remoteAddress());
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        } else if (first != PLAIN_FIRST_BYTE) {
            LOG.warn("{}: first byte 0x{} is neither TLS (0x16) nor SVP (0x5a); closing",
                    ctx.channel().remoteAddress(), String.format("%02x", first));
            protocolDrops.increment();
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        // removing a ByteToMessageDecoder hands the buffered bytes to the next handler
        ctx.pipeline().remove(this);
    }
}
