package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which AOT flags the benchmark's server child gets: record, assemble once, then use the cache. */
class ServerAotCacheTest {
    @TempDir
    Path dir;

    @Test
    void noPrefixNoFlags() throws Exception {
        assertThat(ServerAotCache.flags(null, "java", List.of(), "svp.jar")).isEmpty();
    }

    @Test
    void withoutCacheOrTrainingTheChildRecords() throws Exception {
        String prefix = dir.resolve("aot/server-x11-1-2").toString();
        List<String> f = ServerAotCache.flags(prefix, "java", List.of(), "svp.jar");
        assertThat(f.get(0)).isEqualTo("-XX:AOTMode=record");
        assertThat(f.get(1)).matches("-XX:AOTConfiguration=" + java.util.regex.Pattern.quote(prefix) + "-\\d+-%p\\.aotconf");
        assertThat(dir.resolve("aot")).isDirectory();
    }

    @Test
    void anExistingCacheIsUsed() throws Exception {
        String prefix = dir.resolve("server-x11-1-2").toString();
        Files.writeString(Path.of(prefix + ".aot"), "cache");
        assertThat(ServerAotCache.flags(prefix, "java", List.of(), "svp.jar"))
                .startsWith("-XX:AOTCache=" + prefix + ".aot");
    }

    @Test
    void theBiggestLongEnoughTrainingIsChosen() throws Exception {
        String prefix = dir.resolve("server-x11-1-2").toString();
        long start = 1_000_000;
        Path shortRun = training(prefix, start, 5, 900); // a failed start: too short, though biggest
        Path small = training(prefix, start, 40, 100);
        Path big = training(prefix, start, 60, 300);
        Files.writeString(dir.resolve("server-x11-9-9-" + start + "-pid1.aotconf"), "x".repeat(999)); // another build
        assertThat(ServerAotCache.longestTraining(prefix)).isEqualTo(big);
        assertThat(shortRun).exists();
        assertThat(small).exists();
    }

    @Test
    void aTrainingIsAssembledWithTheChildsFlagsThenUsedAndRemoved() throws Exception {
        String prefix = dir.resolve("server-x11-1-2").toString();
        Path conf = training(prefix, 1_000_000, 45, 10);
        // a stand-in for java: records its arguments and writes the file -XX:AOTCache= names
        Path args = dir.resolve("args");
        Path fake = dir.resolve("fake-java");
        Files.writeString(fake, "#!/bin/sh\necho \"$@\" > '" + args + "'\nfor a; do case \"$a\" in -XX:AOTCache=*) "
                + "echo cache > \"${a#-XX:AOTCache=}\";; esac; done\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        List<String> f = ServerAotCache.flags(prefix, fake.toString(),
                List.of("-XX:+UseSerialGC", "-XX:AOTMode=record", "-Dsvp.server.aot=" + prefix), "svp.jar");
        assertThat(f).startsWith("-XX:AOTCache=" + prefix + ".aot");
        assertThat(Path.of(prefix + ".aot")).hasContent("cache");
        assertThat(conf).doesNotExist();
        String used = Files.readString(args);
        assertThat(used).contains("-XX:+UseSerialGC", "-XX:AOTMode=create", "-XX:AOTConfiguration=" + conf,
                "-cp svp.jar").doesNotContain("AOTMode=record");
    }

    private static Path training(String prefix, long start, long seconds, int bytes) throws Exception {
        Path p = Path.of(prefix + "-" + start + "-pid" + seconds + ".aotconf");
        Files.writeString(p, "x".repeat(bytes));
        Files.setLastModifiedTime(p, FileTime.from(start + seconds, TimeUnit.SECONDS));
        return p;
    }
}
