package org.svp.vm.qemu;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A user's disk image for {@code svp vm --disk}, its format told by the file name's extension.
 *
 * @param path the image file
 * @param format QEMU's format name: "qcow2" or "raw"; "iso" boots it as a CD-ROM
 */
public record DiskImage(Path path, String format) {
    /**
     * @param path an image file: .qcow2, .raw/.img, or .iso
     * @return the image
     * @throws IllegalArgumentException if the extension says no known format
     */
    public static DiskImage of(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".qcow2")) {
            return new DiskImage(path, "qcow2");
        }
        if (name.endsWith(".raw") || name.endsWith(".img")) {
            return new DiskImage(path, "raw");
        }
        if (name.endsWith(".iso")) {
            return new DiskImage(path, "iso");
        }
        throw new IllegalArgumentException("cannot tell the format of " + path
                + " from its name: use .qcow2, .raw or .img (raw), or .iso (CD-ROM)");
    }

    /** @return whether QEMU gets it as a CD-ROM (read-only) instead of a disk */
    public boolean cdrom() {
        return format.equals("iso");
    }
}
