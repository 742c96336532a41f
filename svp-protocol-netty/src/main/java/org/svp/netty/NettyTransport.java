package org.svp.netty;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Picks Netty's native epoll transport on Linux and falls back to NIO elsewhere (or when the native
 * library cannot load, e.g. without --enable-native-access). Used by server and client bootstraps.
 *
 * @param ioHandlerFactory the event loops' I/O handler
 * @param serverChannel the listening socket class
 * @param socketChannel the connecting socket class
 * @param name "epoll" or "nio", for logs
 */
public record NettyTransport(IoHandlerFactory ioHandlerFactory, Class<? extends ServerChannel> serverChannel,
                             Class<? extends Channel> socketChannel, String name) {

    /** @return the best transport available here */
    public static NettyTransport best() {
        if (Epoll.isAvailable()) {
            return new NettyTransport(EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                    EpollSocketChannel.class, "epoll");
        }
        return new NettyTransport(NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class,
                "nio");
    }
}
