package org.svp.vrde.sim.script;

/** A script line that cannot be run: the message names the script, the line and what is wrong. */
public final class ScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param script the script's name
     * @param line the 1-based line number
     * @param message what is wrong
     */
    public ScriptException(String script, int line, String message) {
        super(script + ":" + line + ": " + message);
    }
}
