package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.Command;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.wire.MessageReader;
import org.svp.server.screen.ScreenMirror;
import org.svp.server.session.ClientRegistry;
import org.svp.server.update.UpdateEncoder;
import org.svp.server.update.UpdatePipeline;
import org.svp.server.update.UpdateQueue;
import org.svp.source.SourceUpdate;

/**
 * A display client that joins on the I/O thread between the moment an update was taken from the
 * source queue (no client then, so it was not encoded) and its dispatch. The I/O thread is simulated
 * by a task queue the test runs by hand, so the interleaving is exact.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LateJoinRaceTest {
    private final ArrayDeque<Runnable> ioTasks = new ArrayDeque<>();

    private void runIoTasks() {
        Runnable r;
        while ((r = ioTasks.poll()) != null) {
            r.run();
        }
    }

    @Test
    void clientJoiningBeforeTheFirstResizeIsDispatchedGetsTheResize() throws Exception {
        assertResizeReachesJoiner(false);
    }

    @Test
    void clientJoiningBeforeAModeChangeIsDispatchedGetsTheNewSize() throws Exception {
        assertResizeReachesJoiner(true);
    }

    private void assertResizeReachesJoiner(boolean screenBefore) throws Exception {
        ServerStats stats = new ServerStats();
        ScreenMirror mirror = new ScreenMirror();
        ClientRegistry registry = new ClientRegistry(mirror, stats, ServerConfig.DEFAULT_CLIENT_QUEUE_BYTES);
        ExecutorService workers = Executors.newSingleThreadExecutor();
        EmbeddedChannel ch = new EmbeddedChannel();
        try {
            UpdatePipeline pipeline = new UpdatePipeline(ioTasks::add, workers,
                    new UpdateEncoder(PooledByteBufAllocator.DEFAULT, stats), mirror, registry, stats, 3);
            UpdateQueue queue = new UpdateQueue(8, ioTasks::add, pipeline::drain);
            pipeline.attach(queue);
            if (screenBefore) {
                queue.submit(new SourceUpdate.Draw(List.of(new ScreenResize(64, 48),
                        new SolidRect(new Rect(0, 0, 64, 48), 0x112233))));
                runIoTasks();
            }

            queue.submit(new SourceUpdate.Draw(List.of(new ScreenResize(80, 60),
                    new SolidRect(new Rect(0, 0, 80, 60), 0x445566))));
            ioTasks.poll().run(); // the wake-up: drain takes the update while no client is connected
            assertThat(ioTasks).as("dispatch is queued as its own I/O task").hasSize(1);
            registry.addDisplay(ch); // a client's CHANNEL_INIT is handled before that task
            runIoTasks();
            assertThat(mirror.width()).isEqualTo(80);

            List<Command> commands = new ArrayList<>();
            ScreenResize last = null;
            ByteBuf f;
            while ((f = ch.readOutbound()) != null) {
                try {
                    var m = MessageReader.decodeFrame(ByteBufUtil.getBytes(f));
                    commands.add(m.command());
                    if (m instanceof ScreenResize r) {
                        last = r;
                    }
                } finally {
                    f.release();
                }
            }
            assertThat(commands).as("frames to the joiner").contains(Command.SCREEN_RESIZE, Command.DIRTY_RECT);
            assertThat(last).as("the joiner's last SCREEN_RESIZE").isEqualTo(new ScreenResize(80, 60));
            assertThat(commands.getLast()).isEqualTo(Command.DIRTY_RECT);
        } finally {
            ch.finishAndReleaseAll();
            workers.shutdownNow();
        }
    }
}
