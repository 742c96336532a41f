package org.svp.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.svp.protocol.auth.Scram;
import org.svp.protocol.auth.ScramCredential;

/**
 * One-time tickets in the state directory ({@code svp ticket}, like SPICE's {@code set_ticket}):
 * {@code DIR/tickets/<id>.ticket}, mode 0600, holding the expiry, the role and the ticket's SCRAM keys
 * (StoredKey, ServerKey) — never the ticket text. The keys are derived with the salt and iteration
 * count in {@code DIR/scram-salt}, which the server publishes at start ({@link #publish}) and reuses
 * while unexpired tickets exist (so a ticket written before a restart stays valid); with none
 * outstanding it makes a fresh salt. The server reads the directory on every authentication, so
 * tickets written while it runs count at once, and deletes a ticket when it is used.
 *
 * <p>Called from the CLI's thread ({@code svp ticket}) and the server's I/O thread.
 */
public final class TicketStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SALT_FILE = "scram-salt";
    /** Tickets are read at most this many per authentication (bounded work per attempt). */
    static final int MAX_TICKETS = 256;

    private final Path dir;

    /** @param stateDir the server's state directory */
    public TicketStore(Path stateDir) {
        this.dir = stateDir;
    }

    /**
     * A new ticket (the {@code svp ticket} command).
     *
     * @param expires how long it is valid
     * @param role 0 view only, 1 control
     * @param nowMillis the current time
     * @return the ticket text, to hand to the client (as its password)
     * @throws IOException if the state directory cannot be written
     */
    public String create(Duration expires, int role, long nowMillis) throws IOException {
        ScramParameters p = parameters(nowMillis, false);
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Scram.Keys keys = Scram.keys(Scram.saltedPassword(ticket, p.salt(), p.iterations()));
        byte[] idBytes = new byte[8];
        RANDOM.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        Properties t = new Properties();
        t.setProperty("expires", Long.toString(nowMillis + expires.toMillis()));
        t.setProperty("role", role == 1 ? "control" : "view");
        t.setProperty("stored-key", Base64.getEncoder().encodeToString(keys.storedKey()));
        t.setProperty("server-key", Base64.getEncoder().encodeToString(keys.serverKey()));
        Path tickets = dir.resolve("tickets");
        createPrivateDir(tickets);
        writePrivate(tickets.resolve(id + ".ticket"), t);
        return ticket;
    }

    /**
     * The server's start: the parameters every secret is derived with, written to the state directory
     * for {@code svp ticket}. Fresh unless unexpired tickets depend on the stored ones.
     *
     * @param nowMillis the current time
     * @return the parameters
     * @throws IOException if the state directory cannot be written
     */
    public ScramParameters publish(long nowMillis) throws IOException {
        return parameters(nowMillis, true);
    }

    private ScramParameters parameters(long nowMillis, boolean serverStart) throws IOException {
        Path file = dir.resolve(SALT_FILE);
        ScramParameters stored = readParameters(file);
        boolean keep = stored != null && (!serverStart || !credentials(stored, nowMillis).isEmpty());
        if (keep) {
            return stored;
        }
        createPrivateDir(dir);
        ScramParameters fresh = ScramParameters.random();
        Properties p = new Properties();
        p.setProperty("salt", Base64.getEncoder().encodeToString(fresh.salt()));
        p.setProperty("iterations", Integer.toString(fresh.iterations()));
        writePrivate(file, p);
        return fresh;
    }

    private static ScramParameters readParameters(Path file) {
        try {
            Properties p = read(file);
            return new ScramParameters(Base64.getDecoder().decode(p.getProperty("salt", "")),
                    Integer.parseInt(p.getProperty("iterations", "0")));
        } catch (IOException | RuntimeException e) {
            return null; // absent or damaged: a fresh salt replaces it
        }
    }

    /**
     * The unexpired tickets made with {@code params}; expired and unreadable ones are deleted.
     *
     * @param params the server's parameters
     * @param nowMillis the current time
     * @return their credentials (ticketId set)
     */
    public List<ScramCredential> credentials(ScramParameters params, long nowMillis) {
        ScramParameters current = readParameters(dir.resolve(SALT_FILE));
        List<ScramCredential> out = new ArrayList<>();
        if (current == null || !java.util.Arrays.equals(current.salt(), params.salt())
                || current.iterations() != params.iterations()) {
            return out; // tickets were made for another salt: none of them can match
        }
        Path tickets = dir.resolve("tickets");
        if (!Files.isDirectory(tickets)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tickets, "*.ticket")) {
            for (Path f : files) {
                if (out.size() >= MAX_TICKETS) {
                    break;
                }
                String id = f.getFileName().toString().replace(".ticket", "");
                try {
                    Properties t = read(f);
                    if (Long.parseLong(t.getProperty("expires", "0")) <= nowMillis) {
                        Files.deleteIfExists(f);
                        continue;
                    }
                    int role = "control".equals(t.getProperty("role")) ? 1 : 0;
                    out.add(new ScramCredential("ticket " + id, role, new Scram.Keys(
                            Base64.getDecoder().decode(t.getProperty("stored-key", "")),
                            Base64.getDecoder().decode(t.getProperty("server-key", ""))), id));
                } catch (IOException | RuntimeException e) {
                    // unreadable or half-written: skipped this time
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /**
     * Uses a ticket up (deletes its file).
     *
     * @param ticketId the ticket's id
     * @return true if it was still there (false: another connection used it first)
     */
    public boolean consume(String ticketId) {
        try {
            Files.delete(dir.resolve("tickets").resolve(ticketId + ".ticket"));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties read(Path f) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
            p.load(in);
        }
        return p;
    }

    private static void createPrivateDir(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            Files.createDirectories(d);
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Written to a temporary 0600 file first and renamed, so a reader never sees half a file. */
    private static void writePrivate(Path f, Properties p) throws IOException {
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp" + RANDOM.nextInt(1 << 30));
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newBufferedWriter(tmp, StandardCharsets.ISO_8859_1, StandardOpenOption.TRUNCATE_EXISTING)) {
            p.store(out, null);
        }
        Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
