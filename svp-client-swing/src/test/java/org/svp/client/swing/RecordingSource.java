package org.svp.client.swing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputSink;
import org.svp.source.demo.DemoDisplaySource;

/** The demo desktop, with every input event it receives recorded (I/O thread writes, test reads). */
final class RecordingSource implements DisplaySource {
    private final DemoDisplaySource demo;
    private final List<Message> events = new CopyOnWriteArrayList<>();

    RecordingSource(DemoDisplaySource demo) {
        this.demo = demo;
    }

    DemoDisplaySource demo() {
        return demo;
    }

    /** @return every keyboard and mouse event so far, in arrival order */
    List<Message> events() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }

    @Override
    public void start(DisplaySink sink) {
        demo.start(sink);
    }

    @Override
    public InputSink input() {
        InputSink target = demo.input();
        return new InputSink() {
            @Override
            public void keyboard(KeyboardEvent event) {
                events.add(event);
                target.keyboard(event);
            }

            @Override
            public void mouse(MouseEvent event) {
                events.add(event);
                target.mouse(event);
            }
        };
    }

    @Override
    public String name() {
        return "recording-demo";
    }

    @Override
    public void close() {
        demo.close();
    }
}
