package org.svp.client.swing.ui;

import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JOptionPane;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;

/**
 * Asks for the server's password in a modal Swing dialog when the server demands authentication and
 * no {@code --password-file} was given. Called on the viewer's connect thread; the dialog runs on the
 * EDT and the caller waits for it.
 */
public final class PasswordDialog {
    private PasswordDialog() {
    }

    /**
     * @param target "host:port", shown in the dialog
     * @param again true after a wrong password (the dialog says so)
     * @return the password, or null if cancelled or there is no display
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static String ask(String target, boolean again) throws InterruptedException {
        if (GraphicsEnvironment.isHeadless()) {
            return null;
        }
        AtomicReference<String> answer = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                JPasswordField field = new JPasswordField(24);
                Object[] message = {(again ? "Wrong password. " : "") + target + " needs a password:", field};
                JOptionPane pane = new JOptionPane(message, JOptionPane.QUESTION_MESSAGE, JOptionPane.OK_CANCEL_OPTION);
                var dialog = pane.createDialog("SVP: password for " + target);
                dialog.addWindowFocusListener(new java.awt.event.WindowAdapter() {
                    @Override
                    public void windowGainedFocus(java.awt.event.WindowEvent e) {
                        field.requestFocusInWindow();
                    }
                });
                dialog.setVisible(true);
                dialog.dispose();
                char[] pw = field.getPassword();
                if (Integer.valueOf(JOptionPane.OK_OPTION).equals(pane.getValue()) && pw.length > 0) {
                    answer.set(new String(pw));
                }
                Arrays.fill(pw, '\0');
            });
        } catch (InvocationTargetException e) {
            return null;
        }
        return answer.get();
    }
}
