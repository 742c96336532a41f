package org.svp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.svp.vrde.sim.SimulatedVm;
import org.svp.vrde.sim.host.HostConfig;
import org.svp.vrde.sim.script.Script;
import org.svp.vrde.sim.script.ScriptException;
import org.svp.vrde.sim.script.ScriptRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code svp vrde-sim}: VirtualBox without VirtualBox. Loads the VRDE module from the extension pack
 * the way VirtualBox does, plays a script on a simulated guest screen, prints the bound port and every
 * input callback, and serves until Ctrl+C (docs/vrde.md, "The simulator and its script format").
 */
@Command(name = "vrde-sim", mixinStandardHelpOptions = true,
        description = "Serve a simulated VirtualBox VM through the SVP VRDE module (no VirtualBox needed).")
final class VrdeSimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCRIPT", description = "Script to play (default: the built-in demo).")
    Path script;

    static final class Source {
        @Option(names = "--module", paramLabel = "PATH", description = "SVPVRDE.so inside an unpacked pack.")
        Path module;

        @Option(names = "--pack", paramLabel = "FILE", description = "A .vbox-extpack to unpack and load.")
        Path pack;
    }

    @ArgGroup(exclusive = true)
    Source source;

    @Option(names = "--ports", defaultValue = "5678", paramLabel = "LIST", description = "TCP/Ports the host reports (default 5678).")
    String ports;

    @Option(names = "--address", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "TCP/Address (default 127.0.0.1).")
    String address;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Script s = loadScript();
        try {
            ScriptRunner.check(s);
        } catch (ScriptException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path module = module();
        out.println("vrde-sim: loading " + module);
        out.flush();
        HostConfig config = new HostConfig(ports, address, 0, java.util.Map.of());
        SimulatedVm vm = SimulatedVm.start(module, config, 1024, 768, 32);
        // The guest thread (this one) and the Ctrl+C hook share `guard`: the hook waits for the current
        // script line or resize to finish, then destroys the server and unloads the module, so no call
        // ever runs into an unloaded library.
        Object guard = new Object();
        boolean[] stopping = {false};
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            synchronized (guard) {
                stopping[0] = true;
                vm.close();
            }
            closed.countDown();
        }, "svp-vrde-sim-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("vrde-sim: module properties " + vm.properties() + ", interface v" + vm.interfaceVersion());
        out.flush();
        vm.host().recorder().printTo(line -> {
            out.println(line);
            out.flush();
        });
        // A client's resolution request (VideoModeHint, on the module's control thread) is queued for the
        // guest thread, which switches mode like a guest with additions would.
        BlockingQueue<int[]> hints = new LinkedBlockingQueue<>();
        vm.host().callbacks().onVideoModeHint((w, h, bpp, screen) -> hints.offer(new int[] {w, h, bpp}));
        int port = vm.awaitPort(Duration.ofSeconds(60));
        out.println("vrde-sim: serving on port " + port);
        out.println("view it: ./svp view 127.0.0.1:" + port);
        out.flush();
        ScriptRunner runner = new ScriptRunner(vm.screen(), vm.host(), new java.io.PrintStream(System.out, true));
        for (Script.Line line : s.lines()) {
            synchronized (guard) {
                if (stopping[0]) {
                    break;
                }
                runner.run(new Script(s.name(), List.of(line)));
            }
        }
        out.println("vrde-sim: " + s.name() + " done (" + vm.screen().updateCount() + " updates); serving until Ctrl+C");
        out.flush();
        while (!closed.await(100, TimeUnit.MILLISECONDS)) {
            int[] h = hints.poll();
            if (h == null) {
                continue;
            }
            synchronized (guard) {
                if (stopping[0]) {
                    break;
                }
                int w = Math.clamp(h[0], 64, 4096);
                int ht = Math.clamp(h[1], 64, 4096);
                int bpp = h[2] == 24 || h[2] == 16 || h[2] == 8 ? h[2] : 32;
                out.println("vrde-sim: guest switches to " + w + "x" + ht + "x" + bpp);
                out.flush();
                runner.run(Script.parse("video-mode-hint", "resize " + w + " " + ht + " " + bpp
                        + "\nbitmap 0 0 " + w + " " + ht + " gradient\ncomplete"));
            }
        }
        closed.await();
        return 0;
    }

    private Script loadScript() throws IOException {
        if (script == null) {
            return Script.demo();
        }
        try {
            return Script.read(script);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no script file " + script);
        }
    }

    private Path module() throws IOException, InterruptedException {
        java.io.PrintStream progress = System.err;
        if (source != null && source.module != null) {
            if (!Files.isRegularFile(source.module)) {
                throw new ParameterException(spec.commandLine(), "no module file " + source.module);
            }
            return source.module;
        }
        Path pack = source != null && source.pack != null ? source.pack : VrdePacks.current(progress);
        return VrdePacks.unpack(pack, progress);
    }
}
