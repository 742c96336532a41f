package org.svp.vrde.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The built pack against VirtualBox's rules (shared/spec/vrde.md §8), read with the system's tar:
 * gzip'd tar of regular files and directories only, member names, mandatory members, ExtPack.xml,
 * manifest hashes of exactly the other files, the standard members' size and encoding, and the files
 * the VRDE module looks for.
 */
class PackStructureTest {
    private static final Pattern FORBIDDEN = Pattern.compile("[\\\\'\":;*?|\\[\\]<>(){}]");

    private static String tar(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tar"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void packIsAGzipTarOfPlainFilesAndDirectoriesWithLegalNames() throws Exception {
        Path pack = PackFixture.pack();
        assertThat(pack.getFileName().toString()).matches("SVP-[0-9.]+(-[A-Z0-9_-]+)?\\.vbox-extpack");
        try (InputStream in = Files.newInputStream(pack)) {
            byte[] magic = in.readNBytes(2);
            assertThat(magic).containsExactly(0x1f, 0x8b);
        }
        List<String> names = new ArrayList<>();
        for (String line : tar("-tvzf", pack.toString()).strip().split("\n")) {
            assertThat(line.charAt(0)).as("member type of: " + line).isIn('-', 'd');
            String name = line.substring(line.lastIndexOf(' ') + 1);
            names.add(name);
            assertThat(name.length()).as(name).isLessThanOrEqualTo(128);
            assertThat(name).as(name).matches("[\\x20-\\x7e]+");
            assertThat(FORBIDDEN.matcher(name).find()).as(name).isFalse();
            assertThat(name).as(name).doesNotStartWith("/");
            assertThat(List.of(name.split("/"))).as(name).doesNotContain("..");
        }
        assertThat(names).contains("./ExtPack.xml", "./ExtPack.manifest", "./ExtPack.signature", "./ExtPack-license.txt",
                "./linux.amd64/SVPMain.so", "./linux.amd64/SVPVRDE.so", "./svp.jar", "./linux.amd64/runtime/bin/java");
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void descriptorNamesTheModulesThatExist() throws Exception {
        Path dir = PackFixture.unpacked();
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("ExtPack.xml").toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName() == null ? root.getTagName() : root.getTagName()).isEqualTo("VirtualBoxExtensionPack");
        assertThat(root.getAttribute("version")).isEqualTo("1.0");
        Map<String, String> fields = new TreeMap<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                fields.put(e.getTagName(), e.getTextContent());
            }
        }
        assertThat(fields.get("Name")).matches("[A-Za-z0-9 ]{3,64}");
        assertThat(fields.get("Description")).isNotBlank().doesNotContainPattern("[\\n\\r\\t\\x0b\\x08]");
        assertThat(fields.get("Version")).matches("[0-9]+(\\.[0-9]+)*([-_][A-Z0-9_-]+)?");
        assertThat(fields.get("MainModule")).matches("[A-Za-z0-9_-]+");
        assertThat(fields.get("VRDEModule")).matches("[A-Za-z0-9_-]+");
        assertThat(dir.resolve("linux.amd64/" + fields.get("MainModule") + ".so")).isRegularFile();
        assertThat(dir.resolve("linux.amd64/" + fields.get("VRDEModule") + ".so")).isRegularFile();
        assertThat(Files.isExecutable(dir.resolve("linux.amd64/runtime/bin/java"))).isTrue();
        assertThat(dir.resolve("svp.jar")).hasSameBinaryContentAs(PackFixture.jar());
    }

    @Test
    void manifestHashesExactlyTheOtherFiles() throws Exception {
        Path dir = PackFixture.unpacked();
        Pattern line = Pattern.compile("SHA256 \\((.+)\\) = ([0-9a-f]{64})");
        List<String> listed = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("ExtPack.manifest"))) {
            Matcher m = line.matcher(l);
            assertThat(m.matches()).as(l).isTrue();
            Path f = dir.resolve(m.group(1));
            assertThat(f).as(l).isRegularFile();
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
            assertThat(actual).as(m.group(1)).isEqualTo(m.group(2));
            listed.add("./" + m.group(1));
        }
        List<String> files = new ArrayList<>();
        for (String l : tar("-tzf", PackFixture.pack().toString()).strip().split("\n")) {
            if (!l.endsWith("/") && !l.equals("./ExtPack.manifest") && !l.equals("./ExtPack.signature")) {
                files.add(l);
            }
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void standardMembersAreSmallUtf8WithoutNul() throws Exception {
        Path dir = PackFixture.unpacked();
        for (String m : List.of("ExtPack.xml", "ExtPack.manifest", "ExtPack.signature", "ExtPack-license.txt")) {
            byte[] b = Files.readAllBytes(dir.resolve(m));
            assertThat(b.length).as(m).isLessThan(1 << 20).isPositive();
            assertThat(b).as(m).doesNotContain((byte) 0);
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            } catch (CharacterCodingException e) {
                throw new AssertionError(m + " is not UTF-8", e);
            }
        }
    }
}
