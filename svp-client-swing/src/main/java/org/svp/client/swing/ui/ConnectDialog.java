package org.svp.client.swing.ui;

import java.awt.BorderLayout;
import java.util.Optional;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import org.svp.client.ClientOptions;

/**
 * Asks which server to view when {@code ./svp view} got no host: an editable list of recent hosts.
 * Modal; EDT only.
 */
public final class ConnectDialog {
    private ConnectDialog() {
    }

    /**
     * @param recent the remembered hosts (the choice is remembered on OK)
     * @return "HOST[:PORT]" as typed, already checked, or empty when cancelled
     */
    public static Optional<String> ask(RecentHosts recent) {
        JComboBox<String> box = new JComboBox<>(recent.load().toArray(String[]::new));
        box.setEditable(true);
        if (box.getItemCount() == 0) {
            box.setSelectedItem("127.0.0.1");
        }
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.add(new JLabel("Server (HOST[:PORT], default port " + ClientOptions.DEFAULT_PORT + "):"),
                BorderLayout.NORTH);
        panel.add(box, BorderLayout.CENTER);
        while (true) {
            int answer = JOptionPane.showConfirmDialog(null, panel, "SVP — connect", JOptionPane.OK_CANCEL_OPTION,
                    JOptionPane.PLAIN_MESSAGE);
            Object item = box.getEditor().getItem();
            if (answer != JOptionPane.OK_OPTION || item == null) {
                return Optional.empty();
            }
            String target = item.toString().strip();
            try {
                ClientOptions.parseTarget(target);
                recent.remember(target);
                return Optional.of(target);
            } catch (IllegalArgumentException e) {
                JOptionPane.showMessageDialog(null, e.getMessage(), "SVP — connect", JOptionPane.ERROR_MESSAGE);
            }
        }
    }
}
