package org.svp.server.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Where the server's certificate comes from: {@code --tls-cert/--tls-key}, or else the state
 * directory's {@code server-cert.pem}/{@code server-key.pem}, made (self-signed EC P-256) at the first
 * start and reused later. Called once at start, by the CLI; errors are one line naming the file.
 */
public final class ServerCertificates {
    /** The self-signed certificate's file in the state directory. */
    public static final String CERT_FILE = "server-cert.pem";
    /** Its private key's file (mode 0600). */
    public static final String KEY_FILE = "server-key.pem";

    private ServerCertificates() {
    }

    /**
     * @param certFile PEM chain, leaf first
     * @param keyFile PEM private key of the leaf
     * @return TLS on with them
     * @throws TlsSetupException if either is unreadable or they do not belong together
     */
    public static ServerTls fromFiles(Path certFile, Path keyFile) throws TlsSetupException {
        List<X509Certificate> chain = PemFiles.readChain(certFile);
        PrivateKey key = PemFiles.readKey(keyFile);
        if (!PemFiles.matches(key, chain.getFirst())) {
            throw new TlsSetupException("the TLS key " + keyFile + " does not belong to the certificate " + certFile);
        }
        return context(key, chain, certFile.toString());
    }

    /**
     * The state directory's certificate, made now if it has none.
     *
     * @param stateDir the server's state directory (created 0700 if missing)
     * @return TLS on with it
     * @throws TlsSetupException if the files cannot be read or written
     */
    public static ServerTls fromStateDir(Path stateDir) throws TlsSetupException {
        Path cert = stateDir.resolve(CERT_FILE);
        Path key = stateDir.resolve(KEY_FILE);
        boolean haveCert = Files.exists(cert);
        boolean haveKey = Files.exists(key);
        if (haveCert != haveKey) {
            throw new TlsSetupException("the state directory " + stateDir + " has " + (haveCert ? CERT_FILE : KEY_FILE)
                    + " but no " + (haveCert ? KEY_FILE : CERT_FILE) + "; remove it to make a new certificate");
        }
        if (!haveCert) {
            create(stateDir, cert, key);
            ServerTls made = fromFiles(cert, key);
            return new ServerTls(made.context(), made.fingerprint(), "self-signed, made now in " + cert);
        }
        ServerTls kept = fromFiles(cert, key);
        return new ServerTls(kept.context(), kept.fingerprint(), "self-signed, " + cert);
    }

    private static void create(Path dir, Path cert, Path key) throws TlsSetupException {
        SelfSignedCertificates.KeyAndCertificate kc = SelfSignedCertificates.create("svp server",
                SelfSignedCertificates.localNames());
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            // key first, never readable by others, then the certificate; each written whole and moved in
            writeNew(key, SelfSignedCertificates.pem(kc.key()), "rw-------");
            writeNew(cert, SelfSignedCertificates.pem(kc.certificate()), "rw-r--r--");
        } catch (IOException e) {
            throw new TlsSetupException("cannot write the server certificate into " + dir + ": " + e.getMessage());
        }
    }

    private static void writeNew(Path file, String text, String mode) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ServerTls context(PrivateKey key, List<X509Certificate> chain, String origin)
            throws TlsSetupException {
        try {
            return ServerTls.of(key, chain, origin);
        } catch (SSLException | RuntimeException e) {
            throw new TlsSetupException("cannot use the TLS certificate " + origin + ": " + e.getMessage());
        }
    }
}
