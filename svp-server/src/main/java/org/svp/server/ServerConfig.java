package org.svp.server;

/**
 * How the server listens and how much it buffers. Immutable; built by the CLI or by tests.
 *
 * @param bindAddress address to listen on, e.g. "127.0.0.1" or "0.0.0.0"
 * @param basePort the main channel's port; channel i listens on basePort + i unless singlePort
 * @param singlePort serve every channel on basePort (CHANNEL_LIST then lists basePort for all)
 * @param encoderThreads encoder worker pool size (the seed's worker threads)
 * @param sourceQueueCapacity updates the source may queue before it blocks (back-pressure)
 * @param clientQueueBytes bytes a display client may have waiting before its pending drawing is
 *     replaced by the damaged region's current pixels (coalescing)
 * @param maxInputBody body limit for messages from clients (they only send small messages)
 * @param portList candidate base ports ({@code --ports LIST}), tried in order: the first whose channel
 *     ports are all free is bound; empty = use {@code basePort}
 * @param security v1 clients, control sharing, authentication
 */
public record ServerConfig(String bindAddress, int basePort, boolean singlePort, int encoderThreads,
                           int sourceQueueCapacity, long clientQueueBytes, int maxInputBody, java.util.List<Integer> portList,
                           ServerSecurity security) {

    /** The v1 default base port. */
    public static final int DEFAULT_PORT = 5678;
    /** Source updates queued before the source blocks; about two seconds of a busy desktop. */
    public static final int DEFAULT_SOURCE_QUEUE = 64;
    /** 16 MiB: two full-HD frames raw; more than this waiting means the client cannot keep up. */
    public static final long DEFAULT_CLIENT_QUEUE_BYTES = 16L << 20;
    /** 1 MiB: GRAPHIC_CONFIG is the largest thing a client sends. */
    public static final int DEFAULT_MAX_INPUT_BODY = 1 << 20;

    public ServerConfig {
        portList = java.util.List.copyOf(portList);
        for (int p : portList) {
            if (p < 1 || p > (singlePort ? 65535 : 65535 - 4)) {
                throw new IllegalArgumentException("port " + p + " is out of range (channels use base..base+4)");
            }
        }
        if (basePort < 0 || basePort > 65535 - 4) {
            throw new IllegalArgumentException("port must be 0..65531 (channels use base..base+4), got " + basePort);
        }
        java.util.Objects.requireNonNull(security, "security");
        if (encoderThreads < 1 || sourceQueueCapacity < 1 || clientQueueBytes < 1 || maxInputBody < 64) {
            throw new IllegalArgumentException("queue sizes and thread counts must be positive");
        }
    }

    /** The config without a port list (every caller before {@code --ports}). */
    public ServerConfig(String bindAddress, int basePort, boolean singlePort, int encoderThreads,
                        int sourceQueueCapacity, long clientQueueBytes, int maxInputBody) {
        this(bindAddress, basePort, singlePort, encoderThreads, sourceQueueCapacity, clientQueueBytes, maxInputBody,
                java.util.List.of());
    }

    /** The config with the permissive {@link ServerSecurity} (every caller before protocol v2). */
    public ServerConfig(String bindAddress, int basePort, boolean singlePort, int encoderThreads,
                        int sourceQueueCapacity, long clientQueueBytes, int maxInputBody, java.util.List<Integer> portList) {
        this(bindAddress, basePort, singlePort, encoderThreads, sourceQueueCapacity, clientQueueBytes, maxInputBody,
                portList, ServerSecurity.permissive());
    }

    /**
     * @param s who is served and how
     * @return a copy with these security settings
     */
    public ServerConfig withSecurity(ServerSecurity s) {
        return new ServerConfig(bindAddress, basePort, singlePort, encoderThreads, sourceQueueCapacity, clientQueueBytes,
                maxInputBody, portList, s);
    }

    /**
     * @param ports candidate base ports, in order
     * @return a copy that binds the first free one of them
     */
    public ServerConfig withPortList(java.util.List<Integer> ports) {
        return new ServerConfig(bindAddress, basePort, singlePort, encoderThreads, sourceQueueCapacity, clientQueueBytes,
                maxInputBody, ports, security);
    }

    /**
     * @param bindAddress where to listen
     * @param basePort main channel port (0 = any free port, for tests; only with singlePort)
     * @param singlePort all channels on one port
     * @return a config with default pool and queue sizes
     */
    public static ServerConfig of(String bindAddress, int basePort, boolean singlePort) {
        return new ServerConfig(bindAddress, basePort, singlePort,
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                DEFAULT_SOURCE_QUEUE, DEFAULT_CLIENT_QUEUE_BYTES, DEFAULT_MAX_INPUT_BODY);
    }

    /**
     * @param bytes new client queue bound
     * @return a copy with that bound (tests use a small one to force coalescing)
     */
    public ServerConfig withClientQueueBytes(long bytes) {
        return new ServerConfig(bindAddress, basePort, singlePort, encoderThreads, sourceQueueCapacity, bytes,
                maxInputBody, portList, security);
    }
}
