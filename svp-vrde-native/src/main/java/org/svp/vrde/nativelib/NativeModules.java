package org.svp.vrde.nativelib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The native VirtualBox modules this jar carries as resources: the VRDE module {@value #VRDE_MODULE}
 * and the extension pack's main module {@value #MAIN_MODULE}, built for {@value #PLATFORM} by this
 * module's Maven build. The extension-pack builder and the VRDE host simulator call
 * {@link #extract} to get them as files (VirtualBox, and {@code dlopen}, need a path).
 */
public final class NativeModules {
    /** File name of the VRDE module ({@code <VRDEModule>} in ExtPack.xml is this without ".so"). */
    public static final String VRDE_MODULE = "SVPVRDE.so";
    /** File name of the mandatory main module ({@code <MainModule>}). */
    public static final String MAIN_MODULE = "SVPMain.so";
    /** The extension pack's directory for these binaries. */
    public static final String PLATFORM = "linux.amd64";

    private static final String RESOURCE_DIR = "org/svp/vrde/native/" + PLATFORM + "/";

    private NativeModules() {}

    /** The class-path resource name of a module, e.g. {@code org/svp/vrde/native/linux.amd64/SVPVRDE.so}. */
    public static String resourceName(String fileName) {
        return RESOURCE_DIR + fileName;
    }

    /**
     * Copies a module out of the jar to {@code dir/fileName} (replacing an older copy), mode 0755.
     *
     * @throws IOException if the resource is missing (the jar was built without the native step) or
     *     the file cannot be written
     */
    public static Path extract(String fileName, Path dir) throws IOException {
        if (!fileName.equals(VRDE_MODULE) && !fileName.equals(MAIN_MODULE)) {
            throw new IllegalArgumentException("not a native module of this jar: " + fileName);
        }
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName);
        try (InputStream in = NativeModules.class.getClassLoader().getResourceAsStream(resourceName(fileName))) {
            if (in == null) {
                throw new IOException("resource " + resourceName(fileName) + " is missing from svp-vrde-native");
            }
            Path tmp = Files.createTempFile(dir, fileName, ".tmp");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return target;
    }
}
