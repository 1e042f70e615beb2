import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every jar in a folder with its entries stored (not deflated): the same entries, in the same
 * order, with the same bytes, names and times. Installers compress their whole payload (xz for the .deb),
 * and xz over plain class files is far smaller than xz over deflated ones: the 43 MB driver jar goes
 * from ~37 MB to ~16 MB inside the .deb (installed, the jar is ~109 MB). Reading a stored entry also
 * needs no inflating. Signed jars are left as they are.
 *
 * <p>Usage: {@code java packaging/jpackage/StoreJars.java DIR}
 */
public final class StoreJars {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        long before = 0;
        long after = 0;
        for (Path jar : jars) {
            before += Files.size(jar);
            if (signed(jar)) {
                System.out.println("[store-jars] " + jar.getFileName() + ": signed, left as it is");
            } else {
                store(jar);
            }
            after += Files.size(jar);
        }
        System.out.printf("[store-jars] %d jars in %s stored: %.1f MB -> %.1f MB on disk%n", jars.size(), dir,
                before / 1e6, after / 1e6);
    }

    static boolean signed(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).anyMatch(n -> n.startsWith("META-INF/")
                    && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC")));
        }
    }

    static void store(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        FileTime modified = Files.getLastModifiedTime(jar);
        try (ZipFile zip = new ZipFile(jar.toFile());
             OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
             ZipOutputStream out = new ZipOutputStream(file)) {
            out.setMethod(ZipOutputStream.STORED);
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                entries.add(e.nextElement());
            }
            for (ZipEntry entry : entries) {
                byte[] data;
                try (InputStream in = zip.getInputStream(entry)) {
                    data = in.readAllBytes();
                }
                CRC32 crc = new CRC32();
                crc.update(data);
                ZipEntry stored = new ZipEntry(entry.getName());
                stored.setMethod(ZipEntry.STORED);
                stored.setTime(entry.getTime());
                stored.setSize(data.length);
                stored.setCompressedSize(data.length);
                stored.setCrc(crc.getValue());
                out.putNextEntry(stored);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, modified);
    }
}
