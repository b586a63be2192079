package dev.homeport.browser.core;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What the user sets for the call-home listener: where it listens (SSH call home, RFC 8071 port 4334 by default) and
 * the credentials it gives trusted devices. The password is a char array that {@link #toString()} never prints.
 */
public record BrowserSettings(String listenHost, int sshPort, String username, char[] password) {
    public static final int DEFAULT_SSH_PORT = 4334;

    public BrowserSettings {
        if (listenHost == null || listenHost.isBlank()) {
            throw new IllegalArgumentException("the listen address is empty");
        }
        if (sshPort < 0 || sshPort > 65535) {
            throw new IllegalArgumentException("the SSH call-home port must be 0..65535, not " + sshPort);
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("the user name is empty");
        }
        password = password == null ? new char[0] : password.clone();
    }

    /** Loopback, the RFC 8071 port, admin/admin: the simulated devices' login. */
    public static BrowserSettings defaults() {
        return new BrowserSettings("127.0.0.1", DEFAULT_SSH_PORT, "admin", "admin".toCharArray());
    }

    public static BrowserSettings parse(String host, String port, String user, char[] password) {
        int p;
        try {
            p = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the SSH call-home port must be a number, not '" + port + "'");
        }
        return new BrowserSettings(host.trim(), p, user.trim(), password);
    }

    public InetSocketAddress sshAddress() throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(listenHost), sshPort);
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrowserSettings s && s.listenHost.equals(listenHost) && s.sshPort == sshPort
                && s.username.equals(username) && Arrays.equals(s.password, password);
    }

    @Override
    public int hashCode() {
        return listenHost.hashCode() * 31 + sshPort;
    }

    @Override
    public String toString() {
        return "BrowserSettings[" + listenHost + ":" + sshPort + ", user " + username + ", password ***]";
    }
}
