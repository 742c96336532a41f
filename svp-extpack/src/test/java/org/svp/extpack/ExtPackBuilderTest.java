package org.svp.extpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack built from stand-in inputs, read back with the system's tar: members, types, manifest. */
class ExtPackBuilderTest {
    @TempDir
    Path tmp;

    private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private Path build() throws IOException {
        Path natives = Files.createDirectories(tmp.resolve("natives"));
        Files.writeString(natives.resolve("SVPMain.so"), "main");
        Files.writeString(natives.resolve("SVPVRDE.so"), "vrde");
        Path rt = Files.createDirectories(tmp.resolve("rt/bin"));
        Files.writeString(rt.resolve("java"), "#!/bin/sh\n");
        rt.resolve("java").toFile().setExecutable(true);
        Path legal = Files.createDirectories(tmp.resolve("rt/legal/java.base"));
        Files.writeString(legal.resolve("LICENSE"), "licence text");
        Files.createDirectories(tmp.resolve("rt/legal/java.desktop"));
        Files.createSymbolicLink(tmp.resolve("rt/legal/java.desktop/LICENSE"), Path.of("../java.base/LICENSE"));
        Path jar = Files.writeString(tmp.resolve("svp.jar"), "jar bytes");
        return new ExtPackBuilder("1.2.3-TEST").jar(jar).nativeModules(natives).runtime(tmp.resolve("rt"))
                .progress(new PrintStream(new ByteArrayOutputStream())).build(tmp.resolve("out"));
    }

    @Test
    void packHasTheMembersTypesAndManifestVirtualBoxWants() throws Exception {
        Path pack = build();
        assertThat(pack.getFileName().toString()).isEqualTo("SVP-1.2.3-TEST.vbox-extpack");
        String listing = run(tmp, "tar", "-tvzf", pack.toString());
        List<String> names = new ArrayList<>();
        for (String l : listing.strip().split("\n")) {
            assertThat(l.charAt(0)).as(l).isIn('-', 'd');
            String name = l.substring(l.lastIndexOf(' ') + 1);
            assertThat(PackMembers.problem(name)).as(name).isNull();
            names.add(name);
        }
        assertThat(names).startsWith("./", "./ExtPack.xml", "./ExtPack.manifest", "./ExtPack.signature", "./ExtPack-license.txt");
        assertThat(names).contains("./linux.amd64/SVPMain.so", "./linux.amd64/SVPVRDE.so", "./svp.jar",
                "./linux.amd64/runtime/bin/java", "./linux.amd64/runtime/legal/java.desktop/LICENSE");
        assertThat(listing).containsPattern("-rwxr-xr-x .* \\./linux\\.amd64/runtime/bin/java");

        Path x = Files.createDirectories(tmp.resolve("x"));
        run(x, "tar", "-xzf", pack.toString());
        assertThat(Files.isSymbolicLink(x.resolve("linux.amd64/runtime/legal/java.desktop/LICENSE"))).isFalse();
        assertThat(Files.readString(x.resolve("linux.amd64/runtime/legal/java.desktop/LICENSE"))).isEqualTo("licence text");
        List<String> manifest = Files.readAllLines(x.resolve("ExtPack.manifest"));
        List<String> listed = new ArrayList<>();
        for (String line : manifest) {
            assertThat(line).matches("SHA256 \\([^)]+\\) = [0-9a-f]{64}");
            String path = line.substring(8, line.indexOf(") = "));
            listed.add("./" + path);
            assertThat(line.substring(line.length() - 64)).as(path).isEqualTo(ExtPackBuilder.sha256(x.resolve(path)));
        }
        List<String> files = names.stream().filter(n -> !n.endsWith("/") && !n.equals("./ExtPack.manifest")
                && !n.equals("./ExtPack.signature")).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
        String xml = Files.readString(x.resolve("ExtPack.xml"));
        assertThat(xml).contains("version=\"1.0\"", "<Name>SVP</Name>", "<Version>1.2.3-TEST</Version>",
                "<MainModule>SVPMain</MainModule>", "<VRDEModule>SVPVRDE</VRDEModule>");
    }

    @Test
    void memberRulesAndVersionRules() {
        assertThat(PackMembers.problem("./linux.amd64/SVPVRDE.so")).isNull();
        assertThat(PackMembers.problem("./a/../b")).contains("..");
        assertThat(PackMembers.problem("./a(1)")).contains("(");
        assertThat(PackMembers.problem("./" + "x".repeat(127))).contains("128");
        assertThat(PackMembers.problem("./caf\u00e9")).contains("ASCII");
        assertThat(PackMembers.VERSION.matcher("0.1.0-SNAPSHOT").matches()).isTrue();
        assertThat(PackMembers.VERSION.matcher("0.1.0-snapshot").matches()).isFalse();
        assertThatThrownBy(() -> Descriptor.xml("1.0 beta")).hasMessageContaining("not valid");
    }

    @Test
    void missingNativeModulesAreNamed() throws IOException {
        Path jar = Files.writeString(tmp.resolve("svp.jar"), "j");
        assertThatThrownBy(() -> new ExtPackBuilder("1.0").jar(jar).nativeModules(tmp).runtime(tmp)
                .progress(new PrintStream(new ByteArrayOutputStream())).build(tmp.resolve("o")))
                .hasMessageContaining("no SVPMain.so in");
    }
}
