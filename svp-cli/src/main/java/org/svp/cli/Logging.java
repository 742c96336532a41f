package org.svp.cli;

/**
 * Configures slf4j-simple before the first logger is created: info level to stderr, short lines.
 * {@code SVP_LOG=debug} (or warn, …) changes the level; {@code -Dorg.slf4j.simpleLogger.logFile=FILE} (in
 * {@code SVP_JAVA_OPTS}, or {@code SVP_BENCH_SERVER_OPTS} for bench x11's server) writes the log to a file.
 */
final class Logging {
    private Logging() {
    }

    static void configure() {
        String level = System.getenv().getOrDefault("SVP_LOG", "info");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) { // a file given with -D stays
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        }
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "true");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        System.setProperty("org.slf4j.simpleLogger.log.io.netty", "warn");
    }
}
